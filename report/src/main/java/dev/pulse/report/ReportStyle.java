package dev.pulse.report;

/** The report page's inline stylesheet: system fonts, readable tables, charts that fit their column, print-friendly. */
final class ReportStyle
{
    static final String CSS = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111827; background: #f9fafb; }
        main, header.page, footer.method { max-width: 1160px; margin: 0 auto; padding: 0 24px; }
        header.page { padding-top: 28px; }
        h1 { font-size: 28px; margin: 0 0 4px; }
        h2 { font-size: 21px; margin: 40px 0 8px; padding-top: 12px; border-top: 1px solid #e5e7eb; }
        h3 { font-size: 17px; margin: 28px 0 6px; }
        p.lead, p.note { color: #4b5563; margin: 4px 0 12px; }
        .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
        .card { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 10px 16px; min-width: 150px; }
        .card .value { font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .card .label { color: #4b5563; font-size: 13px; }
        ul.reading li { margin: 4px 0; }
        .up { color: #047857; } .down { color: #b91c1c; } .flat { color: #4b5563; }
        figure { margin: 12px 0; background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 8px; overflow-x: auto; }
        svg.chart { display: block; width: 100%; max-width: 760px; height: auto; margin: 0 auto; }
        table { border-collapse: collapse; margin: 10px 0 18px; background: #fff; font-variant-numeric: tabular-nums; }
        caption { text-align: left; font-weight: 600; padding: 4px 0; color: #374151; }
        th, td { border-bottom: 1px solid #e5e7eb; padding: 5px 9px; text-align: right; white-space: nowrap; }
        tbody th { font-weight: 600; }
        th[scope=row], th.text, td.text { text-align: left; }
        thead th { background: #f3f4f6; font-size: 13px; }
        .table-wrap { overflow-x: auto; }
        footer.method { margin-top: 48px; padding-bottom: 40px; color: #374151; font-size: 14px; }
        footer.method h2 { font-size: 18px; }
        footer.method dt { font-weight: 600; margin-top: 10px; }
        footer.method dd { margin: 2px 0 0; max-width: 80ch; }
        @media print { body { background: #fff; } figure, .card { border-color: #d1d5db; } h2 { break-before: auto; } }
        """;

    private ReportStyle()
    {
    }
}
