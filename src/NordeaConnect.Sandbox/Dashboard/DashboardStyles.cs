namespace NordeaConnect.Sandbox.Dashboard;

/// <summary>
/// The dashboard's only stylesheet, inlined so the pages need no static files. Colours are opaque and chosen for a
/// contrast of at least 4.5:1; below 640 px tables turn into stacked cards so nothing scrolls sideways.
/// </summary>
internal static class DashboardStyles
{
    public const string Css = """
        *,*::before,*::after{box-sizing:border-box}
        html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;font-size:16px;line-height:1.5;color:#1b1f24;background:#f4f6f8}
        body{margin:0}
        a{color:#0a4f9c}
        a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #f0a000;outline-offset:2px}
        .skip{position:absolute;left:-10000px}
        .skip:focus{left:8px;top:8px;background:#ffffff;color:#0a4f9c;padding:8px;z-index:10}
        .top{background:#0b2a4a;color:#ffffff;padding:12px 24px;display:flex;flex-wrap:wrap;gap:8px 24px;align-items:center}
        .top a{color:#ffffff}
        .brand{margin:0;font-weight:700}
        .brand a{text-decoration:none}
        nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
        nav a{text-decoration:none;padding:4px 0;border-bottom:3px solid transparent}
        nav a[aria-current=page]{border-bottom-color:#ffffff;font-weight:700}
        main{max-width:1200px;margin:0 auto;padding:16px 24px 48px}
        h1{font-size:1.75rem;margin:8px 0 16px}
        h2{font-size:1.3rem;margin:28px 0 12px}
        h3{font-size:1.1rem;margin:20px 0 8px}
        .panel{background:#ffffff;border:1px solid #c9d1d9;border-radius:8px;padding:16px;margin:0 0 16px}
        .panel>:first-child{margin-top:0}
        .notice{background:#e3f1e6;color:#134d24;border:1px solid #8fc49c;border-radius:6px;padding:8px 12px}
        .problem{background:#fbe7e7;color:#7d1616;border:1px solid #e3a0a0;border-radius:6px;padding:8px 12px}
        .muted{color:#4a5561}
        form.inline{display:inline}
        .fields{display:flex;flex-wrap:wrap;gap:12px 16px;align-items:flex-end}
        .field{display:flex;flex-direction:column;gap:4px;min-width:0}
        label{font-weight:600;font-size:.95rem}
        input,select,textarea{font:inherit;color:#1b1f24;background:#ffffff;border:1px solid #6b7785;border-radius:6px;padding:6px 8px;max-width:100%}
        button{font:inherit;font-weight:600;color:#ffffff;background:#0a4f9c;border:0;border-radius:6px;padding:8px 14px;cursor:pointer}
        button.secondary{background:#ffffff;color:#0a4f9c;border:1px solid #0a4f9c}
        button.danger{background:#ffffff;color:#9b1c1c;border:1px solid #9b1c1c}
        table{width:100%;border-collapse:collapse;background:#ffffff;border:1px solid #c9d1d9}
        caption{text-align:left;font-weight:700;padding:8px 0}
        th,td{text-align:left;padding:8px 10px;border-bottom:1px solid #e1e6eb;vertical-align:top;overflow-wrap:anywhere}
        th{background:#eef2f6;color:#1b1f24;font-size:.9rem}
        .badge{display:inline-block;padding:1px 8px;border-radius:999px;font-size:.85rem;font-weight:700;background:#e7ebef;color:#27313b}
        .badge.ok{background:#dcefe1;color:#11491f}
        .badge.bad{background:#f8dede;color:#7a1515}
        .badge.wait{background:#fdf0d0;color:#5c4000}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
        dl.facts dt{font-weight:600;color:#36414c}
        dl.facts dd{margin:0;overflow-wrap:anywhere}
        ol.timeline{list-style:none;margin:0;padding:0;border-left:3px solid #9fb3c8}
        ol.timeline>li{position:relative;margin:0 0 16px;padding:0 0 0 16px}
        ol.timeline>li::before{content:"";position:absolute;left:-9px;top:6px;width:15px;height:15px;border-radius:50%;background:#0a4f9c;border:2px solid #ffffff}
        ol.timeline h3{margin:0 0 2px}
        ol.timeline p{margin:2px 0}
        pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f7f9fb;color:#1b1f24;border:1px solid #d5dce3;border-radius:6px;padding:8px;margin:8px 0 0;font-size:.9rem}
        @media (max-width:640px){
          main{padding:12px}
          .top{padding:12px}
          table,thead,tbody,tr,th,td,caption{display:block;width:100%}
          thead{position:absolute;left:-10000px}
          tr{border-bottom:2px solid #c9d1d9;padding:6px 0}
          td{border:0;padding:3px 10px;display:grid;grid-template-columns:9.5em 1fr;gap:8px}
          td::before{content:attr(data-label);font-weight:600;color:#36414c}
          dl.facts{grid-template-columns:1fr}
          dl.facts dd{margin-bottom:6px}
        }
        """;
}
