// SPDX-License-Identifier: Apache-2.0

/// Standard base64 (RFC 4648 §4, with padding), appended straight into a byte buffer.
enum Base64 {
    private static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The encoded length of `count` input bytes.
    static func encodedLength(_ count: Int) -> Int { (count + 2) / 3 * 4 }

    /// Appends the base64 encoding of `input` to `output`.
    static func append(_ input: [UInt8], to output: inout [UInt8]) {
        output.reserveCapacity(output.count + encodedLength(input.count))
        alphabet.withUnsafeBufferPointer { table in
            input.withUnsafeBufferPointer { bytes in
                var index = 0
                let full = bytes.count - bytes.count % 3
                while index < full {
                    let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
                    output.append(table[Int(chunk >> 18 & 63)])
                    output.append(table[Int(chunk >> 12 & 63)])
                    output.append(table[Int(chunk >> 6 & 63)])
                    output.append(table[Int(chunk & 63)])
                    index += 3
                }
                let rest = bytes.count - full
                if rest == 1 {
                    let chunk = UInt32(bytes[index]) << 16
                    output.append(table[Int(chunk >> 18 & 63)])
                    output.append(table[Int(chunk >> 12 & 63)])
                    output.append(UInt8(ascii: "="))
                    output.append(UInt8(ascii: "="))
                } else if rest == 2 {
                    let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
                    output.append(table[Int(chunk >> 18 & 63)])
                    output.append(table[Int(chunk >> 12 & 63)])
                    output.append(table[Int(chunk >> 6 & 63)])
                    output.append(UInt8(ascii: "="))
                }
            }
        }
    }
}
