import Testing

@Test func placeholderRelayServer() { #expect(Bool(true)) }
