#[test]
fn seeds_untouched() {
    for entry in std::fs::read_dir("../../seeds").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let bytes = std::fs::read(&path).unwrap();
            let a = crossread_corpus::ingest("a.txt", &bytes, None).unwrap();
            let b = crossread_corpus::ingest("a.md", &bytes, None).unwrap();
            assert_eq!(a.paragraphs, b.paragraphs, "{}", path.display());
            assert_eq!(a.headline, b.headline);
            assert_eq!(a.dek, b.dek);
            assert_eq!(format!("{:?}", a.boilerplate), format!("{:?}", b.boilerplate));
            println!("{} same", path.display());
        }
    }
}
