/// The inline CSS of the HTML export and review: the binder's look on screen,
/// and on paper black on white with table headers repeated on every page,
/// no row split across pages and the chart scaled to the page width. The
/// chart's marks differ in shape and dash as well as colour, so a grey
/// printout and a reader who cannot tell the colours apart still see them.
enum ExportStyleSheet {
    static let css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body {
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
          line-height: 1.4; color: #111; background: #fff;
          max-width: 72rem; margin: 0 auto; padding: 1.5rem;
          overflow-wrap: anywhere;
        }
        h1 { font-size: 1.8rem; margin: 0 0 .6rem; }
        h2 { font-size: 1.35rem; border-bottom: 2px solid #111; padding-bottom: .2rem; margin: 2.2rem 0 .8rem; }
        h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
        code { font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
        .marking {
          border: 3px solid #000; padding: .4rem; margin: .5rem 0 1rem; text-align: center;
          font-weight: bold; font-size: 1.3rem; letter-spacing: .15em;
        }
        dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .3rem 0; }
        dl.fields dt { font-weight: bold; }
        dl.fields dd { margin: 0; }
        .hint { font-style: italic; color: #444; }
        .text { white-space: pre-wrap; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .92rem; }
        th, td { border: 1px solid #999; padding: .25rem .45rem; text-align: left; vertical-align: top; }
        th { background: #eee; }
        td.num { text-align: right; white-space: nowrap; }
        td.time { white-space: nowrap; }
        tr.backdated td.time { font-style: italic; }
        td.blank { height: 2.2rem; }
        ul.notes { padding-left: 1.2rem; }
        ul.notes li { margin: .4rem 0; }
        .lesson-tag { font-weight: bold; }
        .correction { font-style: italic; color: #333; }
        figure.chart { margin: 0; }
        figure.chart svg { width: 100%; height: auto; display: block; }
        svg text { font-family: system-ui, "DejaVu Sans", sans-serif; font-size: 11px; fill: #111; }
        svg .axis line, svg .grid { stroke: #bbb; stroke-width: 1; }
        svg .band { stroke: none; }
        svg .band-0 { fill: #eef3fb; } svg .band-1 { fill: #fdf3e7; }
        svg .band-label { font-size: 10px; fill: #333; }
        svg .bar-done { fill: #3a6ea5; }
        svg .bar-open { fill: #fff; stroke: #3a6ea5; stroke-width: 1.5; stroke-dasharray: 4 2; }
        svg .bar-skipped { fill: #fff; stroke: #666; stroke-width: 1.5; stroke-dasharray: 1 2; }
        svg .decision { fill: #b35c00; stroke: #000; stroke-width: .5; }
        svg .note { fill: #fff; stroke: #000; stroke-width: 1; }
        svg .lesson { fill: #000; }
        svg .deadline-met { stroke: #2b7a2b; stroke-width: 3; }
        svg .deadline-missed { stroke: #b00020; stroke-width: 3; }
        svg .deadline-late { stroke: #b00020; stroke-width: 3; stroke-dasharray: 6 3; }
        svg .deadline-running { stroke: #555; stroke-width: 3; stroke-dasharray: 2 2; }
        svg .deadline-waived { stroke: #999; stroke-width: 2; stroke-dasharray: 1 4; }
        svg .due { stroke: #000; stroke-width: 2; }
        svg .outcome { font-size: 10px; font-style: italic; }
        svg .met-mark { fill: #2b7a2b; }
        svg .missed-mark { fill: #b00020; }
        @page { size: A4 landscape; margin: 14mm 12mm 16mm 12mm; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; color: #000; background: #fff; }
          th { background: #fff; }
          th, td { border-color: #000; }
          thead { display: table-header-group; }
          tr, li, figure.chart, .marking { break-inside: avoid; page-break-inside: avoid; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
          section.timeline { break-before: page; page-break-before: always; }
          .hint, .correction { color: #000; }
        }
        """
}
