using System.Collections.ObjectModel;

namespace NordeaConnect.Tests.Dashboard;

/// <summary>
/// Our own accessibility and layout checks, run in the page: exactly one h1 and no skipped heading level; every
/// input, select and textarea labelled; every visible text at a contrast of at least 4.5:1 against its background,
/// computed from the computed styles; no horizontal overflow; no full card number or CVV anywhere in the page.
/// </summary>
public static class PageChecks
{
    private const string Script = """
        const problems = [];
        const visible = el => { const s = getComputedStyle(el); return s.display !== 'none' && s.visibility !== 'hidden' && el.getClientRects().length > 0; };
        const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' + (el.textContent || '').trim().slice(0, 40) + '"';

        const h1s = document.querySelectorAll('h1');
        if (h1s.length !== 1) problems.push('expected one h1, found ' + h1s.length);
        let previous = 0;
        for (const h of document.querySelectorAll('h1,h2,h3,h4,h5,h6')) {
          const level = Number(h.tagName[1]);
          if (previous === 0 && level !== 1) problems.push('the first heading is ' + describe(h));
          if (previous !== 0 && level > previous + 1) problems.push(describe(h) + ' skips a level after h' + previous);
          previous = level;
        }

        for (const field of document.querySelectorAll('input,select,textarea')) {
          if (field.type === 'hidden') continue;
          const byFor = field.id && [...document.querySelectorAll('label')].some(l => l.htmlFor === field.id && l.textContent.trim().length > 0);
          const wrapped = field.closest('label') && field.closest('label').textContent.trim().length > 0;
          const aria = (field.getAttribute('aria-label') || '').trim().length > 0
            || (field.getAttribute('aria-labelledby') || '').split(/\s+/).some(id => id && document.getElementById(id) && document.getElementById(id).textContent.trim());
          if (!byFor && !wrapped && !aria) problems.push('no label for ' + describe(field) + ' name=' + field.name);
        }

        const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
        const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
        const background = el => {
          const layers = [];
          for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; } }
          let colour = { r: 255, g: 255, b: 255, a: 1 };
          for (let i = layers.length - 1; i >= 0; i--) colour = over(layers[i], colour);
          return colour;
        };
        const luminance = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
        let checked = 0;
        for (const el of document.body.querySelectorAll('*')) {
          if (!visible(el)) continue;
          const ownText = [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim().length > 0);
          if (!ownText) continue;
          const bg = background(el);
          const fg = over(parse(getComputedStyle(el).color), bg);
          const l1 = luminance(fg), l2 = luminance(bg);
          const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
          checked++;
          if (ratio < 4.5) problems.push('contrast ' + ratio.toFixed(2) + ':1 for ' + describe(el));
        }
        if (checked === 0) problems.push('no text was checked for contrast');

        const root = document.documentElement;
        if (root.scrollWidth > root.clientWidth) problems.push('horizontal overflow: ' + root.scrollWidth + ' > ' + root.clientWidth);

        const html = root.outerHTML;
        if (/\b\d{13,19}\b/.test(html)) problems.push('a full card number appears in the page');
        if (/name="card_cvv"[^>]*value="[^"]+"/.test(html)) problems.push('a CVV is filled in');
        return problems;
        """;

    /// <summary>Runs the checks on the current page and fails the test with every problem found.</summary>
    public static void AssertAccessibleAndFits(DashboardBrowser browser, string page)
    {
        var problems = (ReadOnlyCollection<object>?)browser.Driver.ExecuteScript(Script) ?? throw new InvalidOperationException("The page checks returned nothing.");
        Assert.True(problems.Count == 0, page + " at " + browser.Width + " px:\n" + string.Join("\n", problems));
    }
}
