using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SimGrid.Scenarios.Yaml;

/// <summary>Opens a YAML file as a located node tree; a missing file or a syntax error becomes a diagnostic.</summary>
public static class YamlFile
{
    /// <summary>Files larger than this are refused before parsing: no real scenario comes close.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    public static MappingReader? Open(string path, string displayName, Diagnostics diagnostics)
    {
        var start = new Mark(1, 1, 1);
        string text;
        try
        {
            if (new FileInfo(path).Length > MaxBytes)
            {
                diagnostics.Error(start, "", $"file is larger than {MaxBytes / (1024 * 1024)} MiB");
                return null;
            }
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(start, "", e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read file: {e.Message}");
            return null;
        }

        if (TooDeep(text) is { } deep)
        {
            diagnostics.Error(deep, "", $"nesting deeper than {MaxDepth} levels; no scenario needs that");
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            diagnostics.Error(e.Start, "", "YAML syntax error: " + Describe(e));
            return null;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            diagnostics.Error(stream.Documents.Count > 0 ? stream.Documents[0].RootNode.Start : start, "",
                $"{displayName} must be a mapping of fields (name: ..., ...)");
            return null;
        }
        if (stream.Documents.Count > 1)
        {
            diagnostics.Error(stream.Documents[1].RootNode.Start, "", "only one YAML document per file");
        }
        return new MappingReader(root, "", diagnostics);
    }

    /// <summary>Flow brackets or indentation deep enough to exhaust the parser's recursion are refused up front.</summary>
    public const int MaxDepth = 64;

    private static Mark? TooDeep(string text)
    {
        int depth = 0, line = 1, column = 1, index = 0;
        var atLineStart = true;
        foreach (var c in text)
        {
            index++;
            if (c == '\n')
            {
                line++;
                column = 1;
                atLineStart = true;
                continue;
            }
            if (atLineStart && c == ' ' && column > MaxDepth * 4) return new Mark(index, line, column);
            if (c != ' ') atLineStart = false;
            if (c is '[' or '{') depth++;
            else if (c is ']' or '}') depth = Math.Max(0, depth - 1);
            if (depth > MaxDepth) return new Mark(index, line, column);
            column++;
        }
        return null;
    }

    private static string Describe(YamlException e)
    {
        var inner = e.InnerException?.Message;
        var message = string.IsNullOrEmpty(inner) ? e.Message : inner;
        // YamlDotNet prefixes its own "(Line: l, Col: c, Idx: i) - (...)" location; ours is already in front.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
