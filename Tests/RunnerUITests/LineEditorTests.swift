@testable import RunnerUI
import TerminalCore
import Testing

@Suite struct LineEditorTests {
    @Test func insertsInTheMiddleAndMovesByCluster() {
        var editor = LineEditor("Rådhus")
        editor.moveHome()
        editor.moveRight()
        editor.moveRight()
        editor.insert("ø")
        #expect(editor.text == "Råødhus")
        #expect(editor.cursor == 3)
        editor.insert("😀")
        #expect(editor.text == "Råø😀dhus")
        editor.moveLeft()
        editor.moveLeft()
        #expect(editor.cursor == 2)
        editor.delete()
        #expect(editor.text == "Rå😀dhus")
        editor.moveRight()
        editor.backspace()
        #expect(editor.text == "Rådhus")
        #expect(editor.cursor == 2)
    }

    @Test func scalarsArrivingOneByOneJoinIntoOneCluster() {
        var editor = LineEditor()
        for scalar in "e\u{301}👍🏽🇳🇴".unicodeScalars { editor.insert(String(scalar)) }
        #expect(editor.text.count == 3)
        #expect(editor.cursor == 3)
        editor.backspace()
        #expect(editor.text == "e\u{301}👍🏽")
        editor.backspace()
        #expect(editor.text == "e\u{301}")
        editor.backspace()
        #expect(editor.text.isEmpty)
        editor.backspace()
        editor.delete()
        editor.moveLeft()
        editor.moveRight()
        #expect(editor.cursor == 0)
    }

    @Test func wrapsByDisplayWidthNeverInsideACluster() {
        let editor = LineEditor("æøå😀😀ab")
        let wrapped = editor.rows(width: 4)
        #expect(wrapped.rows == ["æøå", "😀😀", "ab"])
        #expect(wrapped.cursor == Position(x: 2, y: 2))
        let full = LineEditor("abcd").rows(width: 4)
        #expect(full.rows == ["abcd", ""])
        #expect(full.cursor == Position(x: 0, y: 1))
        var middle = LineEditor("æøå😀😀ab")
        middle.moveHome()
        middle.moveRight()
        middle.moveRight()
        middle.moveRight()
        #expect(middle.rows(width: 4).cursor == Position(x: 0, y: 1))
        #expect(LineEditor().rows(width: 0).rows == [""])
    }
}
