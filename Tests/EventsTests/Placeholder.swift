import Testing

@Test func placeholderEvents() { #expect(Bool(true)) }
