namespace NordeaConnect.Sandbox.Dashboard;

/// <summary>The checkout page's stylesheet: a narrow card like a hosted payment page, contrast of at least 4.5:1.</summary>
internal static class CheckoutStyles
{
    public const string Css = """
        *,*::before,*::after{box-sizing:border-box}
        html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;font-size:16px;line-height:1.5;color:#1b1f24;background:#e9eef3}
        body{margin:0}
        .checkout{max-width:460px;margin:0 auto;padding:24px 16px 48px}
        .shop{display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:8px;margin-bottom:8px}
        .shop-name{margin:0;font-weight:700;font-size:1.1rem;color:#0b2a4a}
        .test-mode{margin:0;font-size:.85rem;font-weight:700;background:#fdf0d0;color:#5c4000;border-radius:999px;padding:2px 10px}
        h1{font-size:1.6rem;margin:8px 0 16px}
        h2{font-size:1.1rem;margin:0 0 12px}
        .card-box{background:#ffffff;border-radius:12px;border:1px solid #c9d1d9;padding:20px;margin:0 0 16px;box-shadow:0 1px 3px #c9d1d9}
        .summary{display:grid;grid-template-columns:1fr auto;gap:6px 16px;margin:0}
        .summary dt{color:#36414c}
        .summary dd{margin:0;text-align:right;font-weight:600;overflow-wrap:anywhere}
        .summary .total{font-size:1.3rem;color:#0b2a4a}
        .field{display:flex;flex-direction:column;gap:4px;margin:0 0 14px;min-width:0}
        .row{display:flex;gap:12px}
        .row .field{flex:1}
        label{font-weight:600;font-size:.95rem}
        input{font:inherit;color:#1b1f24;background:#ffffff;border:1px solid #6b7785;border-radius:8px;padding:10px 12px;width:100%}
        input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid #f0a000;outline-offset:2px}
        .pay{display:block;width:100%;text-align:center;font:inherit;font-weight:700;font-size:1.05rem;color:#ffffff;background:#0a4f9c;border:0;border-radius:8px;padding:12px;cursor:pointer;text-decoration:none}
        .hint{font-size:.9rem;color:#4a5561;margin:12px 0 0}
        .problem{background:#fbe7e7;color:#7d1616;border:1px solid #e3a0a0;border-radius:6px;padding:8px 12px}
        a{color:#0a4f9c}
        """;
}
