// SPDX-License-Identifier: Apache-2.0

import Events

extension JSONObject {
    /// The value for `key` (exact byte match, as a Go map lookup), like the subscript but without copying keys.
    func engineValue(forKey key: String) -> JSONValue? {
        let count = key.utf8.count
        return members.withUnsafeBufferPointer { buffer -> JSONValue? in
            for index in buffer.indices where buffer[index].key.utf8.count == count {
                if UTF8Bytes.equal(buffer[index].key, key) { return buffer[index].value }
            }
            return nil
        }
    }
}
