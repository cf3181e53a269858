// SPDX-License-Identifier: Apache-2.0

/// Standard base64 (RFC 4648 §4, `+` and `/`), table-driven, for the hot path: `Data` blobs of
/// PutRecords requests and the lines of the record file. Foundation is not used here.
enum Base64 {
    private static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// 0–63 for alphabet bytes, 0xFF for everything else.
    private static let decodeTable: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() {
            table[Int(byte)] = UInt8(index)
        }
        return table
    }()

    /// Decodes base64 text. Padding is optional; whitespace, `-`/`_`, misplaced `=` and a lone
    /// trailing character are rejected (`nil`).
    static func decode(_ text: UnsafeRawBufferPointer) -> [UInt8]? {
        var length = text.count
        if length >= 1, text[length - 1] == UInt8(ascii: "=") {
            guard length % 4 == 0 else { return nil }
            length -= 1
            if text[length - 1] == UInt8(ascii: "=") {
                length -= 1
            }
        }
        let remainder = length % 4
        guard remainder != 1 else { return nil }
        var output = [UInt8](repeating: 0, count: length / 4 * 3 + (remainder == 0 ? 0 : remainder - 1))
        let valid = decodeTable.withUnsafeBufferPointer { table in
            output.withUnsafeMutableBufferPointer { out in
                decodeBlocks(text, length: length, table: table, into: out)
            }
        }
        return valid ? output : nil
    }

    private static func decodeBlocks(
        _ text: UnsafeRawBufferPointer,
        length: Int,
        table: UnsafeBufferPointer<UInt8>,
        into out: UnsafeMutableBufferPointer<UInt8>
    ) -> Bool {
        var input = 0
        var output = 0
        var invalid: UInt8 = 0
        let fullEnd = length - length % 4
        while input < fullEnd {
            let a = table[Int(text[input])]
            let b = table[Int(text[input + 1])]
            let c = table[Int(text[input + 2])]
            let d = table[Int(text[input + 3])]
            invalid |= a | b | c | d
            out[output] = a << 2 | b >> 4
            out[output + 1] = b << 4 | c >> 2
            out[output + 2] = c << 6 | d
            input += 4
            output += 3
        }
        guard invalid & 0xC0 == 0 else { return false }
        switch length - fullEnd {
        case 2:
            let a = table[Int(text[input])]
            let b = table[Int(text[input + 1])]
            guard (a | b) & 0xC0 == 0 else { return false }
            out[output] = a << 2 | b >> 4
        case 3:
            let a = table[Int(text[input])]
            let b = table[Int(text[input + 1])]
            let c = table[Int(text[input + 2])]
            guard (a | b | c) & 0xC0 == 0 else { return false }
            out[output] = a << 2 | b >> 4
            out[output + 1] = b << 4 | c >> 2
        default:
            break
        }
        return true
    }

    /// Appends the padded base64 encoding of `bytes` to `output`.
    static func encode(_ bytes: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) {
        let encodedCount = (bytes.count + 2) / 3 * 4
        let start = output.count
        output.append(contentsOf: repeatElement(UInt8(ascii: "="), count: encodedCount))
        alphabet.withUnsafeBufferPointer { table in
            output.withUnsafeMutableBufferPointer { out in
                var input = 0
                var position = start
                while input + 3 <= bytes.count {
                    let value = UInt32(bytes[input]) << 16 | UInt32(bytes[input + 1]) << 8 | UInt32(bytes[input + 2])
                    out[position] = table[Int(value >> 18)]
                    out[position + 1] = table[Int(value >> 12 & 0x3F)]
                    out[position + 2] = table[Int(value >> 6 & 0x3F)]
                    out[position + 3] = table[Int(value & 0x3F)]
                    input += 3
                    position += 4
                }
                let rest = bytes.count - input
                if rest > 0 {
                    let second = rest == 2 ? UInt32(bytes[input + 1]) : 0
                    let value = UInt32(bytes[input]) << 16 | second << 8
                    out[position] = table[Int(value >> 18)]
                    out[position + 1] = table[Int(value >> 12 & 0x3F)]
                    if rest == 2 {
                        out[position + 2] = table[Int(value >> 6 & 0x3F)]
                    }
                }
            }
        }
    }
}
