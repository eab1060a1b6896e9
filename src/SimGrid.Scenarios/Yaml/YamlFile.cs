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
        var (real, refusal) = FileGate.Anywhere.Resolve(path, MaxBytes);
        if (real is null)
        {
            diagnostics.Error(start, "", refusal!);
            return null;
        }
        string text;
        try
        {
            text = File.ReadAllText(real);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(start, "", $"cannot read file: {e.Message}");
            return null;
        }
        return Parse(text, displayName, diagnostics);
    }

    /// <summary>YAML text (an upload, or a file already read) as a located node tree.</summary>
    public static MappingReader? Parse(string text, string displayName, Diagnostics diagnostics)
    {
        var start = new Mark(1, 1, 1);
        if (Prescan(text) is { } problem)
        {
            diagnostics.Error(problem.At, "", problem.Message);
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
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail this way on malformed input it does not locate; the prescan catches the known cases.
            diagnostics.Error(start, "", "YAML syntax error: the file could not be read as YAML");
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

    public const int MaxDepth = 64;

    private static readonly string Deep = $"nesting deeper than {MaxDepth} levels; no scenario needs that";

    /// <summary>
    /// Problems found before parsing: characters YAML does not allow (control characters other than tab and line
    /// breaks, which also upset the parser), and flow brackets or indentation deep enough to exhaust its recursion.
    /// </summary>
    private static (Mark At, string Message)? Prescan(string text)
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
            // YAML's printable set allows tab, line breaks and NEL among the control characters (YAML 1.2, c-printable).
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\u0085'))
            {
                return (new Mark(index, line, column), $"character U+{(int)c:X4} is not allowed in YAML");
            }
            if (atLineStart && c == ' ' && column > MaxDepth * 4) return (new Mark(index, line, column), Deep);
            if (c != ' ') atLineStart = false;
            if (c is '[' or '{') depth++;
            else if (c is ']' or '}') depth = Math.Max(0, depth - 1);
            if (depth > MaxDepth) return (new Mark(index, line, column), Deep);
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
