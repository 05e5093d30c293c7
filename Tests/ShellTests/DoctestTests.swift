import Testing
@testable import Shell

struct DoctestTests {
    @Test func skipMarkerSkipsTheNextFencedBlockOnly() {
        let doc = """
        <!-- doctest: skip -->
        ```text
        >>> x.sh
        torch.Size([1])
        ```

        ```
        >>> 1 + 1
        2
        ```
        """
        let examples = Doctest.examples(in: doc)
        #expect(examples.map(\.source) == ["1 + 1"])
        #expect(examples.first?.expected == "2\n")
    }
}
