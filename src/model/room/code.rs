//! The letters of a hand-in code (docs/room.md, "Characters"): Crockford's base32, one
//! character per five bits, and the CRC-15 that ends every code.

/// Crockford's base32 alphabet: digits and upper-case letters without I, L, O and U,
/// all in the QR code's alphanumeric set.
pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The value of a code character: either case; `I` and `L` read as `1` and `O` as `0`
/// (the letters a person typing a code mistakes for those digits). `None` for any
/// other character, `U` included.
pub fn symbol(c: char) -> Option<u8> {
    let c = c.to_ascii_uppercase();
    let c = match c {
        'I' | 'L' => '1',
        'O' => '0',
        _ => c,
    };
    let byte = u8::try_from(c).ok()?;
    ALPHABET.iter().position(|&a| a == byte).and_then(|p| u8::try_from(p).ok())
}

/// The character written for a five-bit value (only the low five bits are used).
pub fn letter(value: u8) -> char {
    char::from(ALPHABET[usize::from(value & 0x1f)])
}

/// CRC-15/CAN: polynomial x^15 + x^14 + x^10 + x^8 + x^7 + x^4 + x^3 + 1 (0x4599),
/// initial value 0, no final XOR, over the given bits most significant first.
/// Being of degree 15, it detects every change confined to 15 consecutive bits: any
/// one character of a code, or two or three neighbouring ones (a swap included).
pub fn crc15(bits: impl IntoIterator<Item = bool>) -> u16 {
    const POLY: u16 = 0x4599;
    let mut crc: u16 = 0;
    for bit in bits {
        let top = (crc >> 14) & 1 == 1;
        crc = (crc << 1) & 0x7fff;
        if top != bit {
            crc ^= POLY;
        }
    }
    crc
}

/// The bits of five-bit symbols, most significant first.
pub fn symbol_bits(symbols: &[u8]) -> impl Iterator<Item = bool> + '_ {
    symbols.iter().flat_map(|&s| (0..5).rev().map(move |i| (s >> i) & 1 == 1))
}

/// The check of `symbols`: CRC-15 of their bits, as three symbols.
pub fn check_symbols(symbols: &[u8]) -> [u8; 3] {
    let crc = crc15(symbol_bits(symbols));
    [(crc >> 10) as u8 & 0x1f, (crc >> 5) as u8 & 0x1f, crc as u8 & 0x1f]
}

/// Writes numbers as a run of bits, most significant first, cut into five-bit symbols.
#[derive(Default)]
pub struct BitWriter {
    symbols: Vec<u8>,
    acc: u128,
    bits: u32,
}

impl BitWriter {
    /// Appends the low `bits` bits of `value` (at most 100 bits at a time).
    pub fn push(&mut self, value: u128, bits: u32) {
        debug_assert!(bits <= 100);
        let mask = if bits == 0 { 0 } else { u128::MAX >> (128 - bits) };
        self.acc = self.acc << bits | (value & mask);
        self.bits += bits;
        while self.bits >= 5 {
            self.bits -= 5;
            self.symbols.push((self.acc >> self.bits) as u8 & 0x1f);
            self.acc &= (1u128 << self.bits) - 1;
        }
    }

    /// The symbols written; a last partial symbol is padded with zero bits.
    pub fn finish(mut self) -> Vec<u8> {
        if self.bits > 0 {
            let pad = 5 - self.bits;
            self.push(0, pad);
        }
        self.symbols
    }
}

/// Reads numbers back from five-bit symbols, most significant bit first.
pub struct BitReader<'a> {
    symbols: &'a [u8],
    acc: u128,
    bits: u32,
}

impl<'a> BitReader<'a> {
    pub fn new(symbols: &'a [u8]) -> Self {
        BitReader { symbols, acc: 0, bits: 0 }
    }

    /// The next `bits` bits (at most 100) as a number; `None` when the symbols run out.
    pub fn take(&mut self, bits: u32) -> Option<u128> {
        debug_assert!(bits <= 100);
        while self.bits < bits {
            let (&first, rest) = self.symbols.split_first()?;
            self.symbols = rest;
            self.acc = self.acc << 5 | u128::from(first & 0x1f);
            self.bits += 5;
        }
        self.bits -= bits;
        let value = self.acc >> self.bits;
        self.acc &= (1u128 << self.bits) - 1;
        Some(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ascii_bits(text: &str) -> Vec<bool> {
        text.bytes().flat_map(|b| (0..8).rev().map(move |i| (b >> i) & 1 == 1)).collect()
    }

    #[test]
    fn crc15_matches_the_catalogued_check_value() {
        // CRC-15/CAN's check value (the CRC of the ASCII text "123456789").
        assert_eq!(crc15(ascii_bits("123456789")), 0x059e);
        assert_eq!(crc15([]), 0);
    }

    #[test]
    fn every_letter_reads_back_and_confusable_letters_are_digits() {
        for value in 0..32u8 {
            assert_eq!(symbol(letter(value)), Some(value));
            assert_eq!(symbol(letter(value).to_ascii_lowercase()), Some(value));
        }
        assert_eq!((symbol('o'), symbol('I'), symbol('l')), (Some(0), Some(1), Some(1)));
        assert_eq!((symbol('U'), symbol('#'), symbol('é'), symbol(' ')), (None, None, None, None));
    }

    #[test]
    fn bits_written_read_back_in_order() {
        let mut w = BitWriter::default();
        w.push(1, 5);
        w.push(0xabcd_ef01_2345, 48);
        w.push(u128::from(u32::MAX - 7), 32);
        w.push((1u128 << 65) - 3, 65);
        let symbols = w.finish();
        assert_eq!(symbols.len(), 30);
        let mut r = BitReader::new(&symbols);
        assert_eq!(r.take(5), Some(1));
        assert_eq!(r.take(48), Some(0xabcd_ef01_2345));
        assert_eq!(r.take(32), Some(u128::from(u32::MAX - 7)));
        assert_eq!(r.take(65), Some((1u128 << 65) - 3));
        assert_eq!(r.take(1), None);
    }
}
