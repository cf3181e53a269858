import Testing

@Test func placeholderRelayConfig() { #expect(Bool(true)) }
