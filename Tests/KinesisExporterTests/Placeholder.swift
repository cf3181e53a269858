import Testing

@Test func placeholderKinesisExporter() { #expect(Bool(true)) }
