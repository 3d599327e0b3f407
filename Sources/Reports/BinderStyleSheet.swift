/// The inline CSS of the HTML binder: readable on screen, and on paper a
/// black-on-white A4 binder with each phase on a new page, no step split
/// across pages, boxes to tick and lines to write on.
enum BinderStyleSheet {
    static let css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body {
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
          line-height: 1.45; color: #111; background: #fff;
          max-width: 48rem; margin: 0 auto; padding: 1.5rem;
          overflow-wrap: anywhere;
        }
        h1 { font-size: 1.9rem; margin: 0 0 .6rem; }
        h2 { font-size: 1.4rem; border-bottom: 2px solid #111; padding-bottom: .2rem; margin: 2.5rem 0 1rem; }
        h3 { font-size: 1.15rem; margin: 0 0 .4rem; }
        h4 { font-size: 1rem; margin: .9rem 0 .3rem; }
        code, pre, .step-id { font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
        .phase-number { display: block; font-size: .85rem; font-weight: normal; color: #444; }
        .step-id { font-size: .8rem; font-weight: normal; color: #555; }
        .step, .deadline { border: 1px solid #999; border-radius: 4px; padding: .8rem 1rem; margin: 1rem 0; }
        dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .3rem 0; }
        dl.fields dt { font-weight: bold; }
        dl.fields dd { margin: 0; }
        .text { white-space: pre-wrap; margin: .6rem 0; }
        pre { border: 1px solid #bbb; background: #f4f4f4; padding: .6rem .8rem; overflow-x: auto; white-space: pre; }
        .hint { font-weight: normal; font-style: italic; color: #444; }
        ul.checklist, ul.options { list-style: none; padding-left: 0; margin: .3rem 0; }
        ul.checklist li, ul.options li { padding-left: 2em; text-indent: -2em; margin: .3rem 0; }
        .box { display: inline-block; width: 2em; text-indent: 0; font-size: 1.15em; line-height: 1; }
        .ruled { margin: .2rem 0 .6rem; }
        .ruled div { height: 1.9rem; border-bottom: 1px solid #555; }
        .missing { font-style: italic; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
        th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        td.blank { width: 45%; }
        nav.toc ol { list-style: none; padding-left: 1.4rem; margin: .2rem 0; }
        a { color: #0645ad; }
        nav.toc a { color: inherit; }
        @page { size: A4; margin: 18mm 16mm 20mm 16mm; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; color: #000; background: #fff; }
          a, nav.toc a { color: #000; text-decoration: none; }
          section.phase, section.contacts { break-before: page; page-break-before: always; }
          .step, .deadline, tr, .ruled, ul.options { break-inside: avoid; page-break-inside: avoid; }
          h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
          h2 { border-bottom-color: #000; }
          .step, .deadline, th, td, pre { border-color: #000; }
          pre { background: #fff; white-space: pre-wrap; }
          .hint, .phase-number, .step-id { color: #000; }
          .ruled div { border-bottom-color: #000; }
        }
        """
}
