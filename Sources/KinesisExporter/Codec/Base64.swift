// SPDX-License-Identifier: Apache-2.0

/// Standard base64 (RFC 4648 §4, with padding), written through a pointer, 3 input bytes to 4 characters
/// per step.
enum Base64 {
    /// The 64 characters, as a literal: its bytes live in the binary, no allocation.
    private static let alphabet: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

    /// The encoded length of `count` input bytes.
    static func encodedLength(_ count: Int) -> Int { (count + 2) / 3 * 4 }

    /// Appends the base64 encoding of `input` to `output`.
    static func append(_ input: [UInt8], to output: inout [UInt8]) {
        let length = encodedLength(input.count)
        guard length > 0 else { return }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: length))
        output.withUnsafeMutableBufferPointer { buffer in
            input.withUnsafeBufferPointer { bytes in
                guard let base = buffer.baseAddress else { return }
                encode(bytes, into: base + start)
            }
        }
    }

    /// Writes the encoding of `input` at `output`, which must hold ``encodedLength(_:)`` bytes.
    static func encode(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutablePointer<UInt8>) {
        guard let bytes = input.baseAddress else { return }
        let table = alphabet.utf8Start
        let count = input.count
        let full = count - count % 3
        var index = 0
        var out = output
        while index < full {
            let chunk = UInt32(bytes[index]) &<< 16 | UInt32(bytes[index &+ 1]) &<< 8 | UInt32(bytes[index &+ 2])
            out[0] = table[Int(chunk &>> 18)]
            out[1] = table[Int(chunk &>> 12 & 63)]
            out[2] = table[Int(chunk &>> 6 & 63)]
            out[3] = table[Int(chunk & 63)]
            out += 4
            index &+= 3
        }
        switch count - full {
        case 1:
            let chunk = UInt32(bytes[index]) &<< 16
            out[0] = table[Int(chunk &>> 18)]
            out[1] = table[Int(chunk &>> 12 & 63)]
            out[2] = UInt8(ascii: "=")
            out[3] = UInt8(ascii: "=")
        case 2:
            let chunk = UInt32(bytes[index]) &<< 16 | UInt32(bytes[index &+ 1]) &<< 8
            out[0] = table[Int(chunk &>> 18)]
            out[1] = table[Int(chunk &>> 12 & 63)]
            out[2] = table[Int(chunk &>> 6 & 63)]
            out[3] = UInt8(ascii: "=")
        default:
            break
        }
    }
}
