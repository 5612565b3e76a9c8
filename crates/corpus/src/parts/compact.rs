//! Compact encodings of the library index's lists, which every first
//! visit of a big site downloads: postcard writes a `u64` as a varint, so
//! a content hash (random bits) takes 9 or 10 bytes and a random 32-bit
//! one 5. Hashes travel as their bytes, sorted keys as gaps.

use serde::de::Error;
use serde::{Deserialize, Deserializer, Serializer};

/// A hash of fixed width, as little-endian bytes.
pub trait Fixed: Sized {
    const BYTES: usize;
    fn put(&self, into: &mut Vec<u8>);
    fn take(bytes: &[u8]) -> Self;
}

impl Fixed for u32 {
    const BYTES: usize = 4;
    fn put(&self, into: &mut Vec<u8>) {
        into.extend(self.to_le_bytes())
    }
    fn take(bytes: &[u8]) -> Self {
        u32::from_le_bytes(bytes.try_into().unwrap_or_default())
    }
}

impl Fixed for u64 {
    const BYTES: usize = 8;
    fn put(&self, into: &mut Vec<u8>) {
        into.extend(self.to_le_bytes())
    }
    fn take(bytes: &[u8]) -> Self {
        u64::from_le_bytes(bytes.try_into().unwrap_or_default())
    }
}

/// Content hashes as their little-endian bytes, one after another.
pub mod hashes {
    use super::*;

    pub fn serialize<T: Fixed, S: Serializer>(hashes: &[T], to: S) -> Result<S::Ok, S::Error> {
        let mut bytes = Vec::with_capacity(hashes.len() * T::BYTES);
        hashes.iter().for_each(|h| h.put(&mut bytes));
        to.serialize_bytes(&bytes)
    }

    pub fn deserialize<'de, T: Fixed, D: Deserializer<'de>>(from: D) -> Result<Vec<T>, D::Error> {
        let bytes: serde_bytes_vec::Bytes = Deserialize::deserialize(from)?;
        let bytes = bytes.0;
        if !bytes.len().is_multiple_of(T::BYTES) {
            return Err(D::Error::custom("content hashes cut short"));
        }
        Ok(bytes.chunks_exact(T::BYTES).map(T::take).collect())
    }
}

/// Keys in ascending order, as distances from the one before (the first
/// from 0).
pub mod sorted_keys {
    use super::*;

    pub fn serialize<S: Serializer>(keys: &[u32], to: S) -> Result<S::Ok, S::Error> {
        let mut last = 0;
        let gaps = keys.iter().map(|&k| {
            let gap = k.wrapping_sub(last);
            last = k;
            gap
        });
        to.collect_seq(gaps)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<Vec<u32>, D::Error> {
        let gaps: Vec<u32> = Deserialize::deserialize(from)?;
        let mut at = 0u32;
        (gaps.iter())
            .map(|&gap| {
                at = at
                    .checked_add(gap)
                    .ok_or_else(|| D::Error::custom("keys out of order"))?;
                Ok(at)
            })
            .collect()
    }
}

/// A byte string as postcard and JSON read it back (`serialize_bytes`).
mod serde_bytes_vec {
    use serde::de::{SeqAccess, Visitor};
    use serde::{Deserialize, Deserializer};

    pub struct Bytes(pub Vec<u8>);

    impl<'de> Deserialize<'de> for Bytes {
        fn deserialize<D: Deserializer<'de>>(from: D) -> Result<Self, D::Error> {
            struct Seen;
            impl<'de> Visitor<'de> for Seen {
                type Value = Bytes;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("bytes")
                }
                fn visit_bytes<E>(self, v: &[u8]) -> Result<Bytes, E> {
                    Ok(Bytes(v.to_vec()))
                }
                fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Bytes, E> {
                    Ok(Bytes(v))
                }
                fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Bytes, A::Error> {
                    let mut bytes = Vec::new();
                    while let Some(b) = seq.next_element()? {
                        bytes.push(b);
                    }
                    Ok(Bytes(bytes))
                }
            }
            from.deserialize_byte_buf(Seen)
        }
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Lists {
        #[serde(with = "super::hashes")]
        hashes: Vec<u64>,
        #[serde(with = "super::hashes")]
        short: Vec<u32>,
        #[serde(with = "super::sorted_keys")]
        keys: Vec<u32>,
    }

    #[test]
    fn hashes_and_keys_come_back_the_same_in_fewer_bytes() {
        let sent = Lists {
            hashes: vec![u64::MAX, 0xcbf2_9ce4_8422_2325, 0xaf63_dc4c_8601_ec8c],
            short: vec![u32::MAX, 0x8422_2325],
            keys: vec![1 << 20, (1 << 20) + 5, (1 << 20) + 90, u32::MAX],
        };
        let bytes = postcard::to_allocvec(&sent).unwrap();
        assert_eq!(postcard::from_bytes::<Lists>(&bytes).unwrap(), sent);
        let plain = postcard::to_allocvec(&(&sent.hashes, &sent.short, &sent.keys)).unwrap();
        assert!(
            bytes.len() < plain.len(),
            "{} vs {}",
            bytes.len(),
            plain.len()
        );
        let empty = Lists {
            hashes: Vec::new(),
            short: Vec::new(),
            keys: Vec::new(),
        };
        let bytes = postcard::to_allocvec(&empty).unwrap();
        assert_eq!(postcard::from_bytes::<Lists>(&bytes).unwrap(), empty);
    }

    #[test]
    fn cut_hashes_and_overflowing_keys_are_errors() {
        // 3 bytes of hashes; then keys whose sum passes u32::MAX.
        let cut = [3u8, 1, 2, 3, 0, 0];
        assert!(postcard::from_bytes::<Lists>(&cut).is_err());
        let mut over = vec![0u8, 0];
        over.extend(postcard::to_allocvec(&vec![u32::MAX, 1]).unwrap());
        assert!(postcard::from_bytes::<Lists>(&over).is_err());
    }
}
