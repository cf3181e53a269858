import Testing

@Test func placeholderEventSpool() { #expect(Bool(true)) }
