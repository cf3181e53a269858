// SPDX-License-Identifier: Apache-2.0

/// One flag retriever (`retriever` / `retrievers[i]`), decoded. goff-relay implements GOFF's `file` and
/// `http` kinds.
public enum RetrieverConfiguration: Sendable, Hashable {
    /// `kind: file`: reads `path` at every poll.
    case file(path: String)
    /// `kind: http`: fetches `url`.
    case http(HTTPRetrieverConfiguration)
}

/// The settings of a `kind: http` retriever.
public struct HTTPRetrieverConfiguration: Sendable, Hashable {
    /// GOFF's default `timeout`, in milliseconds.
    public static let defaultTimeoutMilliseconds = 10_000

    /// `url` (required).
    public var url: String
    /// `method`; default `GET`.
    public var method: String
    /// `body`; default empty.
    public var body: String
    /// `headers`: name to values (a single string is one value).
    public var headers: [String: [String]]
    /// `timeout` in milliseconds; default 10 000.
    public var timeoutMilliseconds: Int

    /// Creates the settings; every parameter but `url` has GOFF's default.
    public init(
        url: String, method: String = "GET", body: String = "", headers: [String: [String]] = [:],
        timeoutMilliseconds: Int = defaultTimeoutMilliseconds
    ) {
        self.url = url
        self.method = method
        self.body = body
        self.headers = headers
        self.timeoutMilliseconds = timeoutMilliseconds
    }
}
