/// A small, strict HTML checker for the binder's output: every tag is one the
/// binder is allowed to write, every element is closed in order, text holds
/// no raw `<` or `>` and only the five entities the escaper makes, and every
/// attribute is on an allow list (no `on…` handlers, no `src`, links only
/// within the page).
struct HTMLChecker {
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
    }

    static let allowedElements: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "header", "nav", "section", "article", "h1", "h2", "h3",
        "h4", "p", "div", "span", "strong", "code", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead",
        "tbody", "tr", "th", "td", "a",
    ]
    static let voidElements: Set<String> = ["meta"]
    static let allowedAttributes: Set<String> = [
        "lang", "charset", "name", "content", "class", "id", "href", "aria-hidden", "aria-labelledby",
    ]
    /// Elements that may not appear inside a `<p>` (it would be closed implicitly).
    static let blockElements: Set<String> = [
        "div", "ul", "ol", "dl", "table", "section", "article", "header", "nav", "pre", "h1", "h2", "h3", "h4", "p",
    ]
    static let entities: Set<String> = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]

    private(set) var problems: [String] = []
    private(set) var tags: [Tag] = []
    private(set) var ids: [String] = []

    init(_ html: String) {
        check(Array(html.unicodeScalars))
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
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == ">" {
                problems.append("raw '>' in text at \(index)")
                index += 1
            } else if scalar == "&" {
                let end = scalars[index...].firstIndex(of: ";").map { $0 + 1 } ?? scalars.count
                let entity = String(String.UnicodeScalarView(scalars[index..<min(end, index + 8)]))
                if !Self.entities.contains(entity) { problems.append("unexpected entity or raw '&' at \(index): \(entity)") }
                index += 1
            } else if scalar == "<" {
                guard let close = scalars[index...].firstIndex(of: ">") else {
                    problems.append("unterminated tag at \(index)")
                    return
                }
                let inside = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
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
                guard let tag = parseTag(inside) else { continue }
                tags.append(tag)
                if stack.last == "p", Self.blockElements.contains(tag.name) {
                    problems.append("<\(tag.name)> inside <p>")
                }
                if Self.voidElements.contains(tag.name) { continue }
                if tag.name == "style" {
                    let closing = Array("</style>".unicodeScalars)
                    var end = index
                    while end + closing.count <= scalars.count, Array(scalars[end..<(end + closing.count)]) != closing {
                        end += 1
                    }
                    if end + closing.count > scalars.count { problems.append("unterminated <style>") }
                    index = end + closing.count
                    continue
                }
                stack.append(tag.name)
            } else {
                index += 1
            }
        }
        if !stack.isEmpty { problems.append("unclosed elements: \(stack)") }
    }

    private mutating func parseTag(_ inside: String) -> Tag? {
        var rest = Substring(inside)
        let name = String(rest.prefix { $0.isLetter || $0.isNumber })
        rest = rest.dropFirst(name.count)
        guard Self.allowedElements.contains(name) else {
            problems.append("element not allowed: <\(inside)>")
            return nil
        }
        var attributes: [(name: String, value: String)] = []
        while true {
            rest = rest.drop { $0 == " " }
            if rest.isEmpty { break }
            let attribute = String(rest.prefix { $0 != "=" && $0 != " " })
            rest = rest.dropFirst(attribute.count)
            guard rest.hasPrefix("=\"") else {
                problems.append("attribute without a quoted value in <\(inside)>")
                return nil
            }
            rest = rest.dropFirst(2)
            guard let quote = rest.firstIndex(of: "\"") else {
                problems.append("unterminated attribute in <\(inside)>")
                return nil
            }
            let value = String(rest[..<quote])
            rest = rest[rest.index(after: quote)...]
            if !Self.allowedAttributes.contains(attribute) { problems.append("attribute not allowed: \(attribute)") }
            if value.contains("<") || value.contains(">") { problems.append("raw < or > in attribute \(attribute)") }
            if attribute == "href", !value.hasPrefix("#") { problems.append("link leaves the page: \(value)") }
            if attribute == "id" {
                if ids.contains(value) { problems.append("duplicate id \(value)") }
                ids.append(value)
            }
            attributes.append((attribute, value))
        }
        return Tag(name: name, attributes: attributes)
    }

    /// Links whose `#target` names no element on the page.
    var danglingLinks: [String] {
        let targets = tags.flatMap { $0.attributes.filter { $0.name == "href" }.map { String($0.value.dropFirst()) } }
        return targets.filter { !ids.contains($0) }
    }
}
