//! A seeds folder as one file: the article files and their catalog in a
//! plain POSIX ustar archive (no compression), so a reader's collection can
//! be saved from the page and unpacked with `tar -xf` into a directory the
//! `crossread` CLI (`--seeds`) and the build read.
//!
//! Pure bytes in, bytes out, like the rest of the crate. The archive is
//! deterministic: every entry has mtime 0, uid and gid 0, empty user and
//! group names, mode 0644 (0755 for the folder), and files come in name
//! order, so the same files and catalog always give the same bytes.

use crate::catalog::{Catalog, CATALOG_FILE};

const BLOCK: usize = 512;
/// Widths of the ustar `name` and `prefix` fields.
const NAME_LEN: usize = 100;
const PREFIX_LEN: usize = 155;
/// The largest size eleven octal digits can state (8 GiB - 1).
const MAX_SIZE: u64 = 0o777_7777_7777;

const REGULAR_FILE: u8 = b'0';
const DIRECTORY: u8 = b'5';

/// Packs `files` (name and contents) and `catalog` as a ustar archive that
/// unpacks to `folder/`, `folder/catalog.toml` (written by
/// [`Catalog::to_toml`]) and `folder/<name>` for each file, in name order.
///
/// Fails, naming the file or folder, when a name is empty, `.`, `..`, holds
/// `/`, `\` or NUL, is given twice, is `catalog.toml` (the archive writes
/// its own), or is too long for a ustar header: folder names can have up to
/// 99 bytes (100 with the '/'), file names up to 100.
pub fn seeds_archive(
    folder: &str,
    files: &[(String, Vec<u8>)],
    catalog: &Catalog,
) -> Result<Vec<u8>, String> {
    check_name(folder)?;
    let mut sorted: Vec<&(String, Vec<u8>)> = files.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    for (i, (name, _)) in sorted.iter().enumerate() {
        check_name(name)?;
        if name == CATALOG_FILE {
            return Err(format!(
                "{name}: the archive writes the catalog itself; leave it out of the files"
            ));
        }
        if i > 0 && sorted[i - 1].0 == *name {
            return Err(format!("{name}: the file is given twice"));
        }
    }

    let mut out = Vec::new();
    push_entry(&mut out, &format!("{folder}/"), DIRECTORY, &[])?;
    let catalog_path = format!("{folder}/{CATALOG_FILE}");
    push_entry(
        &mut out,
        &catalog_path,
        REGULAR_FILE,
        catalog.to_toml().as_bytes(),
    )?;
    for (name, bytes) in sorted {
        push_entry(&mut out, &format!("{folder}/{name}"), REGULAR_FILE, bytes)?;
    }
    // The end of the archive: two zero blocks.
    out.resize(out.len() + 2 * BLOCK, 0);
    Ok(out)
}

/// Reads the regular files of a tar archive as (path inside the archive,
/// contents), in archive order; directories, links and other entries are
/// skipped. Reads what [`seeds_archive`] writes and ustar archives made by
/// `tar`, but not pax or GNU long-name extensions: those are errors, as are
/// bad checksums, non-UTF-8 names and archives cut short.
pub fn read_seeds_archive(bytes: &[u8]) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let header = bytes
            .get(at..at + BLOCK)
            .ok_or_else(|| format!("the archive ends inside a header at byte {at}"))?;
        if header.iter().all(|&b| b == 0) {
            break; // The end-of-archive marker.
        }
        let path = entry_path(header)?;
        if &header[257..262] != b"ustar" {
            return Err(format!("{path}: not a ustar header"));
        }
        let stored = read_octal(&header[148..156])
            .ok_or_else(|| format!("{path}: the header checksum is not an octal number"))?;
        if stored != u64::from(checksum(header)) {
            return Err(format!(
                "{path}: the header checksum is wrong (the archive is damaged)"
            ));
        }
        let size = read_octal(&header[124..136])
            .and_then(|size| usize::try_from(size).ok())
            .ok_or_else(|| format!("{path}: the size field is not an octal number"))?;
        let start = at + BLOCK;
        let contents = start
            .checked_add(size)
            .and_then(|end| bytes.get(start..end))
            .ok_or_else(|| format!("{path}: the archive ends inside the file"))?;
        match header[156] {
            REGULAR_FILE | 0 => files.push((path, contents.to_vec())),
            b'x' | b'g' | b'L' | b'K' => {
                return Err(format!(
                    "{path}: pax or GNU extended headers are not supported"
                ))
            }
            _ => {}
        }
        at = start + size.div_ceil(BLOCK) * BLOCK;
    }
    Ok(files)
}

/// A name that unpacks to exactly one entry inside the folder.
fn check_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("a file or folder name is empty".to_string());
    }
    if name == "." || name == ".." {
        return Err(format!("{name}: not a usable file or folder name"));
    }
    if name.contains(['/', '\\', '\0']) {
        return Err(format!(
            "{name:?}: a file or folder name cannot hold '/', '\\' or NUL"
        ));
    }
    Ok(())
}

/// Appends one header and the contents, padded to whole blocks.
fn push_entry(out: &mut Vec<u8>, path: &str, kind: u8, contents: &[u8]) -> Result<(), String> {
    let (prefix, name) = split_path(path).ok_or_else(|| {
        format!(
            "{path}: the path is too long for a tar header ({} bytes; folder \
             names can have up to 99 bytes, file names up to {NAME_LEN})",
            path.len()
        )
    })?;
    let size = contents.len() as u64;
    if size > MAX_SIZE {
        return Err(format!("{path}: the file is too large for a tar archive"));
    }
    let mode = if kind == DIRECTORY { 0o755 } else { 0o644 };

    let mut header = [0u8; BLOCK];
    header[..name.len()].copy_from_slice(name.as_bytes());
    write_octal(&mut header[100..108], mode);
    write_octal(&mut header[108..116], 0); // uid
    write_octal(&mut header[116..124], 0); // gid
    write_octal(&mut header[124..136], size);
    write_octal(&mut header[136..148], 0); // mtime
    header[156] = kind;
    // linkname (157..257) stays empty.
    header[257..263].copy_from_slice(b"ustar\0");
    header[263..265].copy_from_slice(b"00");
    // uname (265..297) and gname (297..329) stay empty.
    write_octal(&mut header[329..337], 0); // devmajor
    write_octal(&mut header[337..345], 0); // devminor
    header[345..345 + prefix.len()].copy_from_slice(prefix.as_bytes());
    // Six octal digits, NUL, space: the form POSIX tar writes.
    let sum = format!("{:06o}\0 ", checksum(&header));
    header[148..156].copy_from_slice(sum.as_bytes());

    out.extend_from_slice(&header);
    out.extend_from_slice(contents);
    out.resize(out.len().div_ceil(BLOCK) * BLOCK, 0);
    Ok(())
}

/// The (prefix, name) fields for a path: the whole path as the name when it
/// fits, else split at its last '/'. The paths written here have at most
/// one '/' before the end, so no other split could fit either.
fn split_path(path: &str) -> Option<(&str, &str)> {
    if path.len() <= NAME_LEN {
        return Some(("", path));
    }
    let (prefix, name) = path.rsplit_once('/')?;
    (!name.is_empty() && name.len() <= NAME_LEN && prefix.len() <= PREFIX_LEN)
        .then_some((prefix, name))
}

/// `value` in octal, zero-padded to fill the field but its last byte, a NUL.
fn write_octal(field: &mut [u8], value: u64) {
    let digits = format!("{value:0width$o}", width = field.len() - 1);
    field[..digits.len()].copy_from_slice(digits.as_bytes());
    field[digits.len()] = 0;
}

/// An octal field: optional leading spaces, digits, then NULs or spaces.
fn read_octal(field: &[u8]) -> Option<u64> {
    let text = std::str::from_utf8(field).ok()?;
    let digits = text.trim_start_matches(' ').trim_end_matches(['\0', ' ']);
    if digits.is_empty() {
        return None;
    }
    u64::from_str_radix(digits, 8).ok()
}

/// The sum of the header's bytes, counting the checksum field as spaces.
fn checksum(header: &[u8]) -> u32 {
    let before: u32 = header[..148].iter().map(|&b| u32::from(b)).sum();
    let after: u32 = header[156..].iter().map(|&b| u32::from(b)).sum();
    before + 8 * u32::from(b' ') + after
}

/// The entry's path: `prefix/name`, or the name alone.
fn entry_path(header: &[u8]) -> Result<String, String> {
    fn field(bytes: &[u8]) -> &[u8] {
        let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
        &bytes[..end]
    }
    let name = field(&header[..NAME_LEN]);
    let prefix = field(&header[345..345 + PREFIX_LEN]);
    let mut path = prefix.to_vec();
    if !prefix.is_empty() {
        path.push(b'/');
    }
    path.extend_from_slice(name);
    String::from_utf8(path).map_err(|e| {
        format!(
            "{}: the entry name is not UTF-8",
            String::from_utf8_lossy(e.as_bytes())
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::CatalogEntry;
    use std::io::Write;
    use std::process::{Command, Stdio};

    fn file(name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
        (name.to_string(), bytes.to_vec())
    }

    fn catalog() -> Catalog {
        Catalog {
            entries: vec![CatalogEntry {
                file: "b.txt".into(),
                outlet: Some("The \"Daily\" Café".into()),
                notes: vec!["line\nbreak".into()],
                ..CatalogEntry::default()
            }],
        }
    }

    /// Files of every awkward size and a name that is not ASCII.
    fn files() -> Vec<(String, Vec<u8>)> {
        let pattern = |len: usize| (0..len).map(|i| (i % 251) as u8).collect::<Vec<u8>>();
        vec![
            file("b.txt", b"Story B.\n"),
            file("a.md", &pattern(512)),
            file("empty.txt", b""),
            file("café 北京 📰.txt", "Ünïcode body.\n".as_bytes()),
            file("511.txt", &pattern(511)),
            file("513.txt", &pattern(513)),
        ]
    }

    /// What reading the archive gives back: the catalog, then files by name.
    fn expected(
        folder: &str,
        files: &[(String, Vec<u8>)],
        catalog: &Catalog,
    ) -> Vec<(String, Vec<u8>)> {
        let mut sorted = files.to_vec();
        sorted.sort();
        let mut all = vec![(
            format!("{folder}/catalog.toml"),
            catalog.to_toml().into_bytes(),
        )];
        all.extend(
            sorted
                .into_iter()
                .map(|(n, b)| (format!("{folder}/{n}"), b)),
        );
        all
    }

    /// Header offsets, found with nothing but the size fields.
    fn headers(archive: &[u8]) -> Vec<usize> {
        let mut offsets = Vec::new();
        let mut at = 0;
        while archive[at..at + 512].iter().any(|&b| b != 0) {
            offsets.push(at);
            let size = std::str::from_utf8(&archive[at + 124..at + 135]).unwrap();
            let size = usize::from_str_radix(size, 8).unwrap();
            at += 512 + size.div_ceil(512) * 512;
        }
        offsets
    }

    #[test]
    fn round_trips_files_and_catalog() {
        let archive = seeds_archive("seeds", &files(), &catalog()).unwrap();
        let read = read_seeds_archive(&archive).unwrap();
        assert_eq!(read, expected("seeds", &files(), &catalog()));
        let text = std::str::from_utf8(&read[0].1).unwrap();
        assert_eq!(Catalog::parse("catalog.toml", text).unwrap(), catalog());
    }

    #[test]
    fn is_whole_blocks_ending_in_two_zero_blocks() {
        let archive = seeds_archive("seeds", &files(), &catalog()).unwrap();
        assert_eq!(archive.len() % 512, 0);
        assert!(archive[archive.len() - 1024..].iter().all(|&b| b == 0));
        // Folder, catalog and six files, then nothing but the end marker.
        let offsets = headers(&archive);
        assert_eq!(offsets.len(), 8);
        // The last file by name is the empty one: a header and no data.
        assert_eq!(&archive[offsets[7]..offsets[7] + 16], b"seeds/empty.txt\0");
        assert_eq!(archive.len(), offsets[7] + 512 + 1024);
    }

    #[test]
    fn same_files_same_bytes_whatever_their_order() {
        let first = seeds_archive("seeds", &files(), &catalog()).unwrap();
        let mut reversed = files();
        reversed.reverse();
        assert_eq!(
            seeds_archive("seeds", &reversed, &catalog()).unwrap(),
            first
        );
    }

    #[test]
    fn headers_carry_fixed_owner_time_and_mode() {
        let archive = seeds_archive("seeds", &files(), &catalog()).unwrap();
        for (i, at) in headers(&archive).into_iter().enumerate() {
            let h = &archive[at..at + 512];
            let (mode, kind): (&[u8], u8) = if i == 0 {
                (b"0000755\0", b'5')
            } else {
                (b"0000644\0", b'0')
            };
            assert_eq!(&h[100..108], mode);
            assert_eq!(h[156], kind);
            assert_eq!(&h[108..116], b"0000000\0"); // uid
            assert_eq!(&h[116..124], b"0000000\0"); // gid
            assert_eq!(&h[136..148], b"00000000000\0"); // mtime
            assert_eq!(&h[257..265], b"ustar\x0000");
            assert!(h[265..329].iter().all(|&b| b == 0), "uname and gname empty");
        }
        assert_eq!(&archive[..7], b"seeds/\0");
    }

    #[test]
    fn checksums_match_an_independent_sum() {
        let archive = seeds_archive("seeds", &files(), &catalog()).unwrap();
        for at in headers(&archive) {
            let h = &archive[at..at + 512];
            let mut blanked = h.to_vec();
            blanked[148..156].fill(b' ');
            let sum: u64 = blanked.iter().map(|&b| b as u64).sum();
            assert_eq!(h[154..156], [0, b' ']);
            let stored = std::str::from_utf8(&h[148..154]).unwrap();
            assert_eq!(u64::from_str_radix(stored, 8).unwrap(), sum);
        }
    }

    #[test]
    fn long_names_use_the_prefix_field() {
        let name = format!("{}.txt", "n".repeat(96));
        let folder = "f".repeat(99);
        let files = vec![file(&name, b"long")];
        for folder in ["seeds", folder.as_str()] {
            let archive = seeds_archive(folder, &files, &Catalog::default()).unwrap();
            let read = read_seeds_archive(&archive).unwrap();
            assert_eq!(read[1], (format!("{folder}/{name}"), b"long".to_vec()));
            let at = *headers(&archive).last().unwrap();
            assert_eq!(&archive[at..at + 100], name.as_bytes());
            assert_eq!(
                &archive[at + 345..at + 345 + folder.len()],
                folder.as_bytes()
            );
        }
        // A path of exactly 100 bytes fits the name field, with no NUL.
        let exact = "x".repeat(100 - "seeds/".len());
        let archive = seeds_archive("seeds", &[file(&exact, b"")], &Catalog::default()).unwrap();
        let at = *headers(&archive).last().unwrap();
        assert_eq!(&archive[at..at + 100], format!("seeds/{exact}").as_bytes());
        assert_eq!(archive[at + 345], 0);
        assert_eq!(
            read_seeds_archive(&archive).unwrap()[1].0,
            format!("seeds/{exact}")
        );
    }

    #[test]
    fn names_that_cannot_be_written_are_errors_naming_them() {
        let too_long = "n".repeat(101);
        let (f156, f100) = ("f".repeat(156), "f".repeat(100));
        // (folder, file name, what the error must name)
        let cases = [
            ("seeds", too_long.as_str(), too_long.as_str()),
            (&f156, "a.txt", &f156),
            (&f100, "a.txt", &f100),
            ("seeds", "sub/a.txt", "sub/a.txt"),
            ("seeds", r"sub\a.txt", r"sub\\a.txt"),
            ("seeds", "..", ".."),
            ("seeds", ".", "."),
            ("seeds", "catalog.toml", "catalog.toml"),
            ("a/b", "a.txt", "a/b"),
            ("..", "a.txt", ".."),
        ];
        for (folder, name, named) in cases {
            let error =
                seeds_archive(folder, &[file(name, b"x")], &Catalog::default()).expect_err(name);
            assert!(error.contains(named), "{error}");
        }
        assert!(seeds_archive("", &[], &Catalog::default()).is_err());
        assert!(seeds_archive("s", &[file("", b"")], &Catalog::default()).is_err());
        let twice = [file("a.txt", b"1"), file("a.txt", b"2")];
        let error = seeds_archive("s", &twice, &Catalog::default()).unwrap_err();
        assert!(
            error.contains("a.txt") && error.contains("twice"),
            "{error}"
        );
        // Dots inside a name are fine.
        assert!(seeds_archive("s", &[file("a..b.txt", b"")], &Catalog::default()).is_ok());
    }

    #[test]
    fn damaged_archives_are_errors() {
        let archive = seeds_archive("seeds", &files(), &catalog()).unwrap();
        let mut damaged = archive.clone();
        damaged[512 + 20] ^= 1; // a byte of the catalog's header name
        let error = read_seeds_archive(&damaged).unwrap_err();
        assert!(error.contains("checksum"), "{error}");
        let error = read_seeds_archive(&archive[..512 + 300]).unwrap_err();
        assert!(error.contains("ends inside a header"), "{error}");
        let error = read_seeds_archive(&archive[..1024 + 10]).unwrap_err();
        assert!(error.contains("seeds/catalog.toml"), "{error}");
        // Without the end marker the entries still read.
        let end = archive.len() - 1024;
        assert_eq!(read_seeds_archive(&archive[..end]).unwrap().len(), 7);
        assert_eq!(read_seeds_archive(&[]).unwrap(), vec![]);
    }

    /// Runs `tar args...` with `input` on stdin; None when there is no `tar`.
    fn tar(args: &[&str], input: &[u8]) -> Option<Vec<u8>> {
        let mut child = match Command::new("tar")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
        {
            Ok(child) => child,
            Err(e) => {
                eprintln!("skipped: cannot run tar: {e}");
                return None;
            }
        };
        child.stdin.take().unwrap().write_all(input).unwrap();
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "tar {args:?} failed");
        Some(output.stdout)
    }

    #[test]
    fn system_tar_lists_and_extracts_the_entries() {
        let mut files = files();
        files.push(file(&format!("{}.txt", "n".repeat(96)), b"long name"));
        let folder = "f".repeat(99);
        for folder in ["seeds", folder.as_str()] {
            let archive = seeds_archive(folder, &files, &catalog()).unwrap();
            let Some(listing) = tar(&["-tf", "-"], &archive) else {
                return;
            };
            let listing = String::from_utf8_lossy(&listing);
            let listed: Vec<&str> = listing.lines().collect();
            let entries = expected(folder, &files, &catalog());
            let mut paths = vec![format!("{folder}/")];
            paths.extend(entries.iter().map(|(path, _)| path.clone()));
            assert_eq!(listed.len(), paths.len(), "{listing}");
            // tar may escape names that are not ASCII, depending on the locale.
            for (listed, path) in listed.iter().zip(&paths) {
                if path.is_ascii() {
                    assert_eq!(listed, path);
                }
            }
            for (path, bytes) in &entries {
                assert_eq!(
                    &tar(&["-xOf", "-", path], &archive).unwrap(),
                    bytes,
                    "{path}"
                );
            }
        }
    }

    #[cfg(feature = "fs")]
    #[test]
    fn unpacks_to_a_seeds_directory_the_build_reads() {
        let dir = std::env::temp_dir().join(format!("crossread-bundle-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let archive = seeds_archive("seeds", &files(), &catalog()).unwrap();
        let unpacked = tar(&["-xf", "-", "-C", dir.to_str().unwrap()], &archive);
        let read = unpacked.map(|_| crate::source_dir::read_source_dir(&dir.join("seeds")));
        std::fs::remove_dir_all(&dir).unwrap();
        let Some(read) = read else { return };
        let read = read.unwrap();
        let catalog_text = read.catalog.expect("catalog.toml is unpacked");
        assert_eq!(
            Catalog::parse("catalog.toml", &catalog_text).unwrap(),
            catalog()
        );
        let mut articles = files();
        articles.sort();
        let read_files: Vec<(String, Vec<u8>)> =
            read.files.into_iter().map(|f| (f.name, f.bytes)).collect();
        assert_eq!(read_files, articles);
    }
}
