// SPDX-License-Identifier: Apache-2.0

import AWSAuth
import CurlTransport

/// AWSAuth's HTTP seam (STS, the container endpoint, IMDS) over the relay's libcurl client.
struct CurlCredentialHTTPClient: CredentialHTTPClient {
    let transport: any HTTPTransport

    func send(
        method: String, url: String, headers: [(String, String)], body: [UInt8], timeout: Duration
    ) async throws -> (status: Int, headers: [(String, String)], body: [UInt8]) {
        let response = try await transport.send(
            HTTPRequest(
                method: method, url: url, headers: headers.map { HTTPHeader(name: $0.0, value: $0.1) }, body: body,
                timeout: timeout))
        return (response.status, response.headers.map { ($0.name, $0.value) }, response.body)
    }
}
