//! Stateless hashing used wherever the layout needs reproducible "randomness"
//! (initial positions, jitter, sampling). Kept inside `layout` so the module
//! has no dependency on `synth` outside tests.

/// SplitMix64 finaliser: a bijective, well-mixed hash of `x`.
pub(crate) fn mix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Two floats in `[0, 1)` derived from one hash.
pub(crate) fn unit_pair(h: u64) -> (f32, f32) {
    let scale = 1.0 / (1u32 << 24) as f32;
    (
        ((h >> 40) as f32) * scale,
        (((h >> 8) & 0xFF_FFFF) as f32) * scale,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_pair_in_range_and_mixing_spreads() {
        let mut lo = 0;
        for i in 0..1000u64 {
            let (a, b) = unit_pair(mix64(i));
            assert!((0.0..1.0).contains(&a) && (0.0..1.0).contains(&b));
            if a < 0.5 {
                lo += 1;
            }
        }
        assert!((400..600).contains(&lo), "{lo}");
        assert_ne!(mix64(1), mix64(2));
    }
}
