//! A fast, non-cryptographic hasher for id lookups (the Fx hash of rustc). Ids come from
//! the dataset, not from an attacker over a network, so SipHash's flood resistance buys
//! nothing here, while loading a large atlas does hundreds of thousands of lookups.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Clone, Copy, Default)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // The length first: the last word is zero-padded, so "ab" and "ab\0" would otherwise
        // hash alike.
        self.add(bytes.len() as u64);
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FastBuildHasher = BuildHasherDefault<FxHasher>;
pub type FastMap<K, V> = HashMap<K, V, FastBuildHasher>;
pub type FastSet<T> = HashSet<T, FastBuildHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinguishes_ids_and_is_stable() {
        let mut set: FastSet<&str> = FastSet::default();
        for id in [
            "a",
            "b",
            "ab",
            "ba",
            "denmark",
            "denmark-tech-ambassador",
            "",
        ] {
            assert!(set.insert(id));
        }
        assert!(!set.insert("ab"));
        let h = |s: &str| {
            let mut h = FxHasher::default();
            h.write(s.as_bytes());
            h.finish()
        };
        assert_eq!(h("denmark"), h("denmark"));
        assert_ne!(h("denmark"), h("denmarl"));
        // Lengths matter: a trailing zero byte must not collide with its absence.
        let mut a = FxHasher::default();
        "ab".hash_into(&mut a);
        let mut b = FxHasher::default();
        "ab\0".hash_into(&mut b);
        assert_ne!(a.finish(), b.finish());
    }

    trait HashInto {
        fn hash_into(&self, h: &mut FxHasher);
    }
    impl HashInto for &str {
        fn hash_into(&self, h: &mut FxHasher) {
            std::hash::Hash::hash(self, h);
        }
    }
}
