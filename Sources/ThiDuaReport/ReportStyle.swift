/// The report's one style sheet, inline: A4 pages, system fonts, black on white, no row split across pages.
enum ReportStyle {
    static let css: StaticString = """
        @page { size: A4; margin: 16mm 14mm 16mm 16mm; }
        @page wide { size: A4 landscape; margin: 12mm 12mm 12mm 14mm; }
        html { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", "Noto Serif", serif; font-size: 10.5pt;
               color: #000; background: #fff; line-height: 1.3; }
        body { margin: 0; }
        header { text-align: center; margin-bottom: 8pt; }
        header .bloc { font-weight: bold; font-size: 11.5pt; }
        header .organiser { font-size: 10pt; }
        h1 { font-size: 15pt; margin: 10pt 0 4pt; }
        h2 { font-size: 12pt; margin: 14pt 0 5pt; break-after: avoid; page-break-after: avoid; }
        h3 { font-size: 10.5pt; margin: 8pt 0 4pt; break-after: avoid; page-break-after: avoid; }
        p { margin: 3pt 0; }
        dl.facts { display: grid; grid-template-columns: max-content auto; gap: 1pt 10pt; margin: 6pt 0; text-align: left; }
        dl.facts dt { font-weight: bold; }
        dl.facts dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; }
        thead { display: table-header-group; }
        tr, li, figure, .keep { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 0.6pt solid #000; padding: 1.5pt 3pt; vertical-align: top; text-align: left; }
        th { background: #e8e8e8; font-weight: bold; }
        .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; width: 1%; }
        th.num { white-space: normal; min-width: 9mm; }
        .c { text-align: center; }
        .strong { font-weight: bold; }
        tr.sub td { background: #f2f2f2; font-weight: bold; }
        tr.total td { font-weight: bold; }
        .self { font-size: 85%; }
        .wrap { white-space: normal; }
        .sheet { font-size: 8.5pt; }
        .sheet th, .sheet td { padding: 1pt 2pt; }
        .wide { page: wide; }
        .wide .sheet { font-size: 7.5pt; }
        td.title { min-width: 30mm; }
        .note { font-size: 9pt; }
        .hash { font-family: "DejaVu Sans Mono", "Liberation Mono", "Courier New", monospace; font-size: 8.5pt; word-break: break-all; }
        pre.hash { white-space: pre-wrap; margin: 2pt 0; }
        figure { margin: 4pt 0 8pt; }
        figure svg { width: 100%; height: auto; display: block; }
        ol.clauses li { margin-bottom: 2pt; }
        .signing { display: flex; justify-content: space-between; margin-top: 14pt; text-align: center; min-height: 34mm; }
        .signing > div { width: 45%; }
        @media screen { body { margin: 0 auto; max-width: 180mm; padding: 10mm 8mm; } .wide { max-width: none; } }
        """
}
