namespace Monitoring.LoadTests.Reporting;

using System.Globalization;
using System.Net;
using System.Text;

/// <summary>A plain inline-SVG line chart (no scripts, no CDN): x is the run second, one polyline per series.</summary>
public static class SvgChart
{
    private const int Width = 900;
    private const int Height = 260;
    private const int Left = 70;
    private const int Right = 20;
    private const int Top = 30;
    private const int Bottom = 40;

    public sealed record Series(string Name, string Color, IReadOnlyList<double?> Values);

    public static string Line(string title, string unit, IReadOnlyList<Series> series)
    {
        var points = Math.Max(2, series.Max(s => s.Values.Count));
        var max = series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        max = NiceCeiling(max);
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        double X(int i) => Left + (plotW * i / (double)(points - 1));
        double Y(double v) => Top + plotH - (plotH * v / max);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{Escape(title)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left}\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{Escape(title)}</text>");
        for (var g = 0; g <= 4; g++)
        {
            var v = max * g / 4;
            var y = Y(v);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" font-size=\"11\" text-anchor=\"end\">{v:0.##} {Escape(unit)}</text>");
        }

        var step = Math.Max(1, (points - 1) / 10);
        for (var i = 0; i < points; i += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{Height - Bottom + 16}\" font-size=\"11\" text-anchor=\"middle\">{i}s</text>");
        }

        var legendX = Left + 10;
        foreach (var s in series)
        {
            var path = new StringBuilder();
            for (var i = 0; i < s.Values.Count; i++)
            {
                if (s.Values[i] is { } v)
                {
                    path.Append(CultureInfo.InvariantCulture, $"{X(i):0.#},{Y(v):0.#} ");
                }
            }

            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"1.5\" points=\"{path.ToString().TrimEnd()}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{legendX}\" y=\"{Height - 14}\" width=\"10\" height=\"10\" fill=\"{s.Color}\"/><text x=\"{legendX + 14}\" y=\"{Height - 5}\" font-size=\"11\">{Escape(s.Name)}</text>");
            legendX += 20 + (7 * s.Name.Length);
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static double NiceCeiling(double value)
    {
        if (value <= 0 || !double.IsFinite(value))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var f in new[] { 1, 2, 2.5, 5, 10 })
        {
            if (f * magnitude >= value)
            {
                return f * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
