// SPDX-License-Identifier: Apache-2.0

import Events
import HTTPTypes
import Hummingbird
import NIOCore

/// Builds JSON responses the way GOFF's server writes them: compact JSON and a trailing newline.
enum JSONResponse {
    /// A response whose body is `bytes` followed by `\n`.
    static func make(status: HTTPResponse.Status, bytes: [UInt8], headers: HTTPFields = [:]) -> Response {
        make(status: status, body: body(bytes), headers: headers)
    }

    /// A response whose body is `body` (already made by ``body(_:)``): the one place the headers of a JSON
    /// answer are decided (`Content-Type`, then `Content-Length` from the body).
    static func make(status: HTTPResponse.Status, body: ByteBuffer, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=UTF-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: body))
    }

    /// The body of a JSON answer: `bytes` followed by `\n`.
    static func body(_ bytes: [UInt8]) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(bytes.count + 1)
        buffer.writeBytes(bytes)
        buffer.writeInteger(UInt8(ascii: "\n"))
        return buffer
    }

    /// A response for a small string-keyed object (error messages), keys sorted and strings escaped
    /// as Go's `encoding/json` does.
    static func make(status: HTTPResponse.Status, object: [String: String], headers: HTTPFields = [:]) -> Response {
        make(status: status, bytes: objectBytes(object), headers: headers)
    }

    /// A small string-keyed object, keys sorted and strings escaped as Go's `encoding/json` does.
    static func objectBytes(_ object: [String: String]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (index, key) in object.keys.sorted().enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            GoJSONEncoder.appendString(key, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            GoJSONEncoder.appendString(object[key] ?? "", to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }
}
