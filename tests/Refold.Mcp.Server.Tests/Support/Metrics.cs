using OpenTelemetry.Metrics;

namespace Refold.Mcp.Server.Tests.Support;

/// <summary>Reads exported metric snapshots: the last export of an instrument, its points filtered by tags.</summary>
public static class Metrics
{
    public static long Sum(List<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetSumLong());

    public static long Count(List<MetricSnapshot> metrics, string name, params (string Key, object Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetHistogramCount());

    public static long Gauge(List<MetricSnapshot> metrics, string name) => Points(metrics, name, []).Sum(p => p.GetGaugeLastValueLong());

    private static List<MetricPoint> Points(List<MetricSnapshot> metrics, string name, (string Key, object Value)[] tags)
    {
        var last = metrics.LastOrDefault(m => m.Name == name);
        if (last is null)
        {
            return [];
        }

        return [.. last.MetricPoints.Where(p => tags.All(t => HasTag(p, t.Key, t.Value)))];
    }

    private static bool HasTag(MetricPoint point, string key, object value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return Equals(tag.Value, value);
            }
        }

        return false;
    }
}
