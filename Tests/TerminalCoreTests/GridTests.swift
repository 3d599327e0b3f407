import Testing
import TerminalCore

@Suite struct GridTests {
    @Test func writesTextAndReportsTheColumnsUsed() {
        var grid = Grid(width: 12, height: 2)
        #expect(grid.write("Blåbær", x: 1, y: 0) == 6)
        #expect(grid.write("日本", x: 0, y: 1) == 4)
        #expect(grid.lines == [" Blåbær", "日本"])
        #expect(grid[0, 1].isWide)
        #expect(grid[1, 1].isContinuation)
    }

    @Test func clipsAtTheRightEdgeWithoutHalfAWideCharacter() {
        var grid = Grid(width: 5, height: 1)
        #expect(grid.write("ab日本", x: 0, y: 0) == 4)
        #expect(grid.lines == ["ab日"])
        var edge = Grid(width: 5, height: 1)
        #expect(edge.write("abcd日", x: 0, y: 0) == 4)
        #expect(edge.lines == ["abcd"])
        #expect(!edge[4, 0].isWide)
    }

    @Test func clipsAtMaxWidthAndTruncatesOnRequest() {
        var grid = Grid(width: 20, height: 2)
        #expect(grid.write("Isoler berørte systemer", x: 0, y: 0, maxWidth: 8) == 8)
        #expect(grid.write("Isoler berørte systemer", x: 0, y: 1, maxWidth: 8, truncate: true) == 8)
        #expect(grid.lines == ["Isoler b", "Isoler …"])
        var wide = Grid(width: 20, height: 1)
        #expect(wide.write("日本語", x: 2, y: 0, maxWidth: 5, truncate: true) == 5)
        #expect(wide.lines == ["  日本…"])
    }

    @Test func clipsOnTheLeftAndOutsideTheGrid() {
        var grid = Grid(width: 4, height: 2)
        #expect(grid.write("abcdef", x: -2, y: 0) == 6)
        #expect(grid.write("日本", x: -1, y: 1) == 4)
        #expect(grid.lines == ["cdef", " 本"])
        #expect(grid.write("x", x: 0, y: 5) == 0)
        #expect(grid.write("x", x: 0, y: -1) == 0)
        #expect(grid.write("x", x: 9, y: 0) == 0)
        #expect(grid.put("日", x: 3, y: 0) == 0)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(width: 6, height: 2)
        grid.write("日本語", x: 0, y: 0)
        grid.write("x", x: 1, y: 0)
        #expect(grid.lines[0] == " x本語")
        grid.write("y", x: 2, y: 0)
        #expect(grid.lines[0] == " xy 語")
        grid.write("ab", x: 0, y: 1)
        grid.write("日", x: 1, y: 1)
        #expect(grid.lines[1] == "a日")
        grid.write("日本", x: 2, y: 1)
        grid.write("語", x: 1, y: 1)
        #expect(grid.lines[1] == "a語 本")
        for y in 0..<2 {
            for x in 0..<6 where grid[x, y].isContinuation {
                #expect(grid[x - 1, y].isWide)
            }
        }
    }

    @Test func controlCharactersAreNeutralised() {
        var grid = Grid(width: 30, height: 1)
        grid.write("a\u{1B}[2Jb\u{7}\u{7F}\u{9B}c\u{202E}d\r\n\t", x: 0, y: 0)
        let line = grid.lines[0]
        #expect(line == "a␛[2Jb␇␡\u{FFFD}c\u{FFFD}d␍␊␉")
        for cell in grid.row(0) {
            for scalar in cell.character.unicodeScalars {
                #expect(!SafeText.needsReplacement(scalar))
            }
        }
        #expect(Cell(Character("\u{1B}")).character == "␛")
        #expect(Cell(Character("\u{301}")).character == " ")
        var putGrid = Grid(width: 3, height: 1)
        putGrid.put("\u{0}", x: 0, y: 0)
        #expect(putGrid.lines == ["␀"])
    }

    @Test func combiningAndZeroWidthText() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.write("\u{301}cafe\u{301}\u{200B}!", x: 0, y: 0) == 5)
        #expect(grid.lines == ["café!"])
        #expect(grid[3, 0].character == "e\u{301}")
    }

    @Test func emojiClustersTakeTwoCells() {
        var grid = Grid(width: 10, height: 1)
        #expect(grid.write("👨‍👩‍👧🇳🇴x", x: 0, y: 0) == 5)
        #expect(grid[0, 0].character == "👨‍👩‍👧")
        #expect(grid[2, 0].character == "🇳🇴")
        #expect(grid[4, 0].character == "x")
    }

    @Test func longClustersKeepTheirFirstNineScalars() {
        var grid = Grid(width: 4, height: 1)
        let zalgo = "e" + String(repeating: "\u{301}", count: 50)
        #expect(grid.write(zalgo + "x", x: 0, y: 0) == 2)
        #expect(grid[0, 0].character.unicodeScalars.count == 9)
        #expect(grid[1, 0].character == "x")
        let kiss: Character = "👩🏻‍❤️‍💋‍👨🏼"
        #expect(Cell(kiss).character.unicodeScalars.count == 9)
        #expect(Cell(kiss).width == 2)
    }

    @Test func fillRestyleAndClear() {
        var grid = Grid(width: 5, height: 3)
        grid.fill(x: 1, y: 1, width: 3, height: 5, with: "#")
        #expect(grid.lines == ["", " ###", " ###"])
        grid.fill(x: 0, y: 0, width: 5, height: 1, with: "日")
        #expect(grid.lines[0] == "日日")
        grid.restyle(x: 0, y: 1, width: 99, style: Style(reverse: true))
        #expect(grid[4, 1].style.reverse)
        #expect(grid[1, 1].character == "#")
        grid.clear()
        #expect(grid.lines == ["", "", ""])
    }

    @Test func boxesUseLineDrawingAndJoinDividers() {
        var grid = Grid(width: 12, height: 5)
        grid.box(x: 0, y: 0, width: 12, height: 5, title: "Steg")
        grid.horizontalLine(x: 0, y: 2, length: 12)
        grid.verticalLine(x: 5, y: 2, length: 3)
        #expect(grid.lines == [
            "┌ Steg ────┐",
            "│          │",
            "├────┬─────┤",
            "│    │     │",
            "└────┴─────┘",
        ])
    }

    @Test func boxTitlesAreTruncatedAndTinyBoxesDoNotCrash() {
        var grid = Grid(width: 8, height: 3)
        grid.box(x: 0, y: 0, width: 8, height: 3, title: "Løsepengevirus")
        #expect(grid.lines == ["┌ Løs… ┐", "│      │", "└──────┘"])
        for width in 0...3 {
            for height in 0...3 {
                var small = Grid(width: 3, height: 3)
                small.box(x: 0, y: 0, width: width, height: height, title: "x")
                small.box(x: -1, y: -1, width: width + 2, height: height + 2)
            }
        }
        var tiny = Grid(width: 3, height: 1)
        tiny.box(x: 0, y: 0, width: 3, height: 1)
        #expect(tiny.lines == ["───"])
        var column = Grid(width: 1, height: 3)
        column.box(x: 0, y: 0, width: 1, height: 3)
        #expect(column.lines == ["│", "│", "│"])
        var lines = Grid(width: 4, height: 1)
        lines.horizontalLine(x: 0, y: 0, length: 4)
        #expect(lines.lines == ["────"])
    }

    @Test func tinyAndEmptyGridsNeverCrash() {
        for (width, height) in [(0, 0), (1, 1), (0, 5), (5, 0), (-3, -3), (1, 0)] {
            var grid = Grid(width: width, height: height)
            grid.write("日本 🚨 æøå", x: 0, y: 0)
            grid.write("x", x: -5, y: -5, maxWidth: -2)
            grid.put("日", x: 0, y: 0)
            grid.fill(x: -1, y: -1, width: 9, height: 9, with: "日")
            grid.box(x: 0, y: 0, width: width, height: height, title: "tittel")
            grid.horizontalLine(x: -2, y: 0, length: 9)
            grid.verticalLine(x: 0, y: -2, length: 9)
            grid.restyle(x: -1, y: -1, width: 9, height: 9, style: Style(bold: true))
            _ = grid[7, 7]
            _ = grid.row(3)
            _ = GridDiff.runs(from: Grid(width: 2, height: 2), to: grid)
            #expect(grid.lines.count == max(0, height))
        }
        var one = Grid(width: 1, height: 1)
        #expect(one.write("日", x: 0, y: 0) == 0)
        #expect(one.write("æ", x: 0, y: 0) == 1)
        #expect(one.lines == ["æ"])
    }
}
