import Testing

@Test func placeholderCurlTransport() { #expect(Bool(true)) }
