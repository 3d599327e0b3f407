/// A small, strict HTML checker for what the reports write: every tag is on
/// the document's allow list, every element is closed in order (or, in the
/// export's inline SVG, self-closed), text holds no raw `<` or `>` and only
/// the five entities the escaper makes, every attribute is on an allow list
/// (no `on…` handlers, no `style`, no `src`, links only within the page),
/// ids are unique, no block sits inside a `<p>`, and there is exactly one
/// `<style>`, in the head, and no script. It also collects the text of the
/// page, entities decoded, to show hostile text arrives as text.
struct HTMLChecker {
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
    }

    /// What one kind of document may contain.
    struct Rules {
        var elements: Set<String>
        var voidElements: Set<String>
        var attributes: Set<String>
        /// Whether `<… />` closes an element (the export's inline SVG shapes).
        var selfClosing = false

        /// The playbook binder (`vakt show --format html`).
        static let binder = Rules(
            elements: [
                "html", "head", "meta", "title", "style", "body", "header", "nav", "section", "article", "h1", "h2",
                "h3", "h4", "p", "div", "span", "strong", "code", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table",
                "thead", "tbody", "tr", "th", "td", "a",
            ],
            voidElements: ["meta"],
            attributes: ["lang", "charset", "name", "content", "class", "id", "href", "aria-hidden", "aria-labelledby"])

        /// The timeline export and the review, with their inline SVG chart.
        static let export = Rules(
            elements: [
                "html", "head", "meta", "title", "style", "body", "header", "section", "figure", "h1", "h2", "h3", "p",
                "div", "span", "strong", "br", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "ul", "li",
                "svg", "g", "rect", "line", "circle", "polygon", "text",
            ],
            voidElements: ["meta", "br"],
            attributes: [
                "lang", "charset", "name", "content", "class", "id", "href", "role", "aria-labelledby", "xmlns",
                "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "points",
                "text-anchor",
            ],
            selfClosing: true)
    }

    /// Elements that may not appear inside a `<p>` (it would be closed implicitly).
    static let blockElements: Set<String> = [
        "div", "ul", "ol", "dl", "table", "section", "article", "header", "nav", "pre", "h1", "h2", "h3", "h4", "p",
        "figure",
    ]
    static let entities: [String: String] = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'"]

    let rules: Rules
    private(set) var problems: [String] = []
    private(set) var tags: [Tag] = []
    private(set) var ids: [String] = []
    private(set) var elementCounts: [String: Int] = [:]
    /// Every text node, decoded, in document order.
    private(set) var texts: [String] = []

    init(_ html: String, rules: Rules = .binder) {
        self.rules = rules
        check(Array(html.unicodeScalars))
        if elementCounts["style", default: 0] != 1 { problems.append("expected exactly one <style>") }
    }

    /// All the page's text, decoded, one text node a line.
    var text: String { texts.joined(separator: "\n") }

    /// Links whose `#target` names no element on the page.
    var danglingLinks: [String] {
        let targets = tags.flatMap { $0.attributes.filter { $0.name == "href" }.map { String($0.value.dropFirst()) } }
        return targets.filter { !ids.contains($0) }
    }

    private mutating func check(_ scalars: [Unicode.Scalar]) {
        var index = 0
        let doctype = Array("<!DOCTYPE html>".unicodeScalars)
        if Array(scalars.prefix(doctype.count)) == doctype {
            index = doctype.count
        } else {
            problems.append("does not start with <!DOCTYPE html>")
        }
        var stack: [String] = []
        var current = ""
        func flush() {
            if !current.allSatisfy({ $0 == "\n" }) { texts.append(current) }
            current = ""
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == ">" {
                problems.append("raw '>' in text at \(index)")
                index += 1
            } else if scalar == "&" {
                let end = scalars[index...].prefix(8).firstIndex(of: ";").map { $0 + 1 } ?? index + 1
                let entity = String(String.UnicodeScalarView(scalars[index..<end]))
                if let decoded = Self.entities[entity] {
                    current += decoded
                    index = end
                } else {
                    problems.append("unexpected entity or raw '&' at \(index): \(entity)")
                    index += 1
                }
            } else if scalar == "<" {
                flush()
                guard let close = scalars[index...].firstIndex(of: ">") else {
                    problems.append("unterminated tag at \(index)")
                    return
                }
                var inside = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
                index = close + 1
                if inside.hasPrefix("/") {
                    let name = String(inside.dropFirst())
                    if stack.last == name {
                        stack.removeLast()
                    } else {
                        problems.append("</\(name)> closes <\(stack.last ?? "nothing")>")
                    }
                    continue
                }
                let selfClosing = rules.selfClosing && inside.hasSuffix("/")
                if selfClosing { inside.removeLast() }
                guard let tag = parseTag(inside) else { continue }
                tags.append(tag)
                elementCounts[tag.name, default: 0] += 1
                if stack.last == "p", Self.blockElements.contains(tag.name) {
                    problems.append("<\(tag.name)> inside <p>")
                }
                if tag.name == "style" {
                    if stack.last != "head" { problems.append("<style> outside <head>") }
                    let closing = Array("</style>".unicodeScalars)
                    var end = index
                    while end + closing.count <= scalars.count, Array(scalars[end..<(end + closing.count)]) != closing {
                        end += 1
                    }
                    if end + closing.count > scalars.count { problems.append("unterminated <style>") }
                    index = end + closing.count
                    continue
                }
                if rules.voidElements.contains(tag.name) || selfClosing { continue }
                stack.append(tag.name)
            } else {
                current.unicodeScalars.append(scalar)
                index += 1
            }
        }
        flush()
        if !stack.isEmpty { problems.append("unclosed elements: \(stack)") }
    }

    /// Checks a tag's name and attributes; returns it when its element is allowed.
    private mutating func parseTag(_ inside: String) -> Tag? {
        var rest = Substring(inside)
        let name = String(rest.prefix { $0.isLetter || $0.isNumber })
        rest = rest.dropFirst(name.count)
        guard rules.elements.contains(name) else {
            problems.append("element not allowed: <\(inside.prefix(60))>")
            return nil
        }
        var attributes: [(name: String, value: String)] = []
        while true {
            rest = rest.drop { $0 == " " }
            if rest.isEmpty { break }
            let attribute = String(rest.prefix { $0 != "=" && $0 != " " })
            rest = rest.dropFirst(attribute.count)
            guard rest.hasPrefix("=\"") else {
                problems.append("attribute without a quoted value in <\(inside.prefix(60))>")
                return nil
            }
            rest = rest.dropFirst(2)
            guard let quote = rest.firstIndex(of: "\"") else {
                problems.append("unterminated attribute in <\(inside.prefix(60))>")
                return nil
            }
            let value = String(rest[..<quote])
            rest = rest[rest.index(after: quote)...]
            if !rules.attributes.contains(attribute) { problems.append("attribute not allowed: \(attribute)") }
            if value.contains("<") || value.contains(">") { problems.append("raw < or > in attribute \(attribute)") }
            if attribute == "href", !value.hasPrefix("#") { problems.append("link leaves the page: \(value)") }
            if attribute == "xmlns", value != "http://www.w3.org/2000/svg" { problems.append("xmlns \(value)") }
            if attribute == "id" {
                if ids.contains(value) { problems.append("duplicate id \(value)") }
                ids.append(value)
            }
            attributes.append((attribute, value))
        }
        return Tag(name: name, attributes: attributes)
    }
}
