// Turns the cmdlet help pages docs/commands/<Verb-Noun>.md (platyPS layout) into the module's MAML file
// (en-US/DeployChecks.dll-Help.xml). Runs inside `dotnet build` as an inline MSBuild task (RoslynCodeTaskFactory,
// see src/DeployChecks/DeployChecks.csproj), so no pwsh or platyPS is needed to build the module. The module tests
// compile this file too (with MARKDOWN_HELP_LIBRARY defined, without the MSBuild task) to test the converter alone.
//
// Layout read (what platyPS New-MarkdownHelp writes):
//   optional YAML front matter between --- lines (ignored)
//   # Verb-Noun                         must match the file name
//   ## SYNOPSIS                         one paragraph
//   ## SYNTAX                           ### <set name> [(Default)] + a fenced syntax line per parameter set;
//                                       a cmdlet with one set has the fenced line without a heading
//   ## DESCRIPTION                      paragraphs
//   ## EXAMPLES                         ### <title>, a fenced code block, then remark paragraphs
//   ## PARAMETERS                       ### -Name, paragraphs, then one ```yaml block per group of parameter sets
//                                       (Type, Parameter Sets, Aliases, Accepted values, Required, Position,
//                                       Default value, Accept pipeline input, Accept wildcard characters);
//                                       ### CommonParameters is skipped
//   ## INPUTS / ## OUTPUTS              ### <type name> + paragraphs
//   ## NOTES                            paragraphs
//   ## RELATED LINKS                    [text](uri) lines
// A page that breaks this layout fails the build with file and line.
#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
#if !MARKDOWN_HELP_LIBRARY
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
#endif

namespace DeployChecks.Build;

#if !MARKDOWN_HELP_LIBRARY
/// <summary>MSBuild task: every Sources page into one MAML file, written to each of OutputFiles.</summary>
public sealed class GenerateMamlHelp : Task
{
    [Required]
    public ITaskItem[] Sources { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public ITaskItem[] OutputFiles { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        var pages = new List<CommandHelp>();
        foreach (var source in Sources.OrderBy(s => Path.GetFileName(s.ItemSpec), StringComparer.OrdinalIgnoreCase))
        {
            string path = source.GetMetadata("FullPath");
            try
            {
                pages.Add(MarkdownHelpReader.Read(path, File.ReadAllText(path)));
            }
            catch (MarkdownHelpException e)
            {
                Log.LogError(null, "DCHELP", null, e.File, e.Line, 0, 0, 0, e.Message);
            }
        }
        if (Log.HasLoggedErrors)
        {
            return false;
        }
        string xml = MamlWriter.Write(pages);
        foreach (var output in OutputFiles)
        {
            string target = output.GetMetadata("FullPath");
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target) || File.ReadAllText(target) != xml)
            {
                File.WriteAllText(target, xml, new UTF8Encoding(false));
            }
        }
        Log.LogMessage(MessageImportance.Normal, "Cmdlet help: {0} pages -> {1}", pages.Count, string.Join(", ", OutputFiles.Select(o => o.ItemSpec)));
        return true;
    }
}
#endif

public sealed class MarkdownHelpException : Exception
{
    public MarkdownHelpException(string file, int line, string message)
        : base(message)
    {
        File = file;
        Line = line;
    }

    public string File { get; }

    public int Line { get; }
}

public sealed class CommandHelp
{
    public string Name = "";
    public List<string> Synopsis = new List<string>();
    public List<string> Description = new List<string>();
    public List<SyntaxSet> Syntax = new List<SyntaxSet>();
    public List<ExampleHelp> Examples = new List<ExampleHelp>();
    public List<ParameterHelp> Parameters = new List<ParameterHelp>();
    public List<TypeHelp> Inputs = new List<TypeHelp>();
    public List<TypeHelp> Outputs = new List<TypeHelp>();
    public List<string> Notes = new List<string>();
    public List<KeyValuePair<string, string>> Links = new List<KeyValuePair<string, string>>();
}

public sealed class SyntaxSet
{
    /// <summary>The parameter set name, "(All)" for a cmdlet with one set.</summary>
    public string Name = "";
    public string Line = "";
}

public sealed class ExampleHelp
{
    public string Title = "";
    public string Code = "";
    public List<string> Remarks = new List<string>();
}

public sealed class ParameterHelp
{
    public string Name = "";
    public List<string> Description = new List<string>();
    public List<ParameterBlock> Blocks = new List<ParameterBlock>();
}

/// <summary>One ```yaml block of a parameter: its attributes in the sets it lists.</summary>
public sealed class ParameterBlock
{
    public string Type = "";
    public List<string> Sets = new List<string>();
    public string Aliases = "";
    public List<string> AcceptedValues = new List<string>();
    public bool Required;
    public string Position = "named";
    public string DefaultValue = "None";
    public string PipelineInput = "False";
    public bool Wildcards;

    public bool AppliesTo(string set) =>
        set == "(All)" || Sets.Any(s => s == "(All)" || string.Equals(s, set, StringComparison.OrdinalIgnoreCase));
}

public sealed class TypeHelp
{
    public string Name = "";
    public List<string> Description = new List<string>();
}

/// <summary>Reads one platyPS-style page. Throws <see cref="MarkdownHelpException"/> naming the line at fault.</summary>
public static class MarkdownHelpReader
{
    private static readonly string[] RequiredSections = { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS" };

    private static readonly string[] KnownSections = { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS" };

    public static CommandHelp Read(string file, string text)
    {
        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        int start = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            start = 1;
            while (start < lines.Length && lines[start].Trim() != "---")
            {
                start++;
            }
            if (start == lines.Length)
            {
                throw new MarkdownHelpException(file, 1, "front matter opened with --- is never closed");
            }
            start++;
        }

        var help = new CommandHelp();
        var blocks = Blocks(file, lines, start);
        var title = blocks.FirstOrDefault(b => b.Level == 1);
        if (title == null)
        {
            throw new MarkdownHelpException(file, start + 1, "no '# Verb-Noun' title");
        }
        help.Name = title.Heading;
        string expected = Path.GetFileNameWithoutExtension(file);
        if (!string.Equals(help.Name, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new MarkdownHelpException(file, title.Line, $"title '# {help.Name}' does not match the file name {expected}.md");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in blocks.Where(b => b.Level == 2))
        {
            string name = section.Heading.ToUpperInvariant();
            if (!KnownSections.Contains(name))
            {
                throw new MarkdownHelpException(file, section.Line, $"unknown section '## {section.Heading}' (expected one of {string.Join(", ", KnownSections)})");
            }
            if (!seen.Add(name))
            {
                throw new MarkdownHelpException(file, section.Line, $"section '## {name}' appears twice");
            }
            var subs = blocks.Where(b => b.Level == 3 && b.Parent == section).ToList();
            switch (name)
            {
                case "SYNOPSIS":
                    help.Synopsis = Paragraphs(section.Body);
                    break;
                case "DESCRIPTION":
                    help.Description = Paragraphs(section.Body);
                    break;
                case "NOTES":
                    help.Notes = Paragraphs(section.Body);
                    break;
                case "SYNTAX":
                    ReadSyntax(file, help, section, subs);
                    break;
                case "EXAMPLES":
                    ReadExamples(file, help, subs);
                    break;
                case "PARAMETERS":
                    ReadParameters(file, help, subs);
                    break;
                case "INPUTS":
                    help.Inputs = subs.Select(s => new TypeHelp { Name = s.Heading, Description = Paragraphs(s.Body) }).ToList();
                    break;
                case "OUTPUTS":
                    help.Outputs = subs.Select(s => new TypeHelp { Name = s.Heading, Description = Paragraphs(s.Body) }).ToList();
                    break;
                case "RELATED LINKS":
                    ReadLinks(file, help, section);
                    break;
            }
        }
        foreach (string required in RequiredSections)
        {
            if (!seen.Contains(required))
            {
                throw new MarkdownHelpException(file, title.Line, $"'## {required}' section missing");
            }
        }
        if (help.Synopsis.Count == 0)
        {
            throw new MarkdownHelpException(file, blocks.First(b => b.Level == 2 && b.Heading.ToUpperInvariant() == "SYNOPSIS").Line, "empty SYNOPSIS");
        }
        if (help.Description.Count == 0)
        {
            throw new MarkdownHelpException(file, blocks.First(b => b.Level == 2 && b.Heading.ToUpperInvariant() == "DESCRIPTION").Line, "empty DESCRIPTION");
        }
        return help;
    }

    private static void ReadSyntax(string file, CommandHelp help, Block section, List<Block> subs)
    {
        if (subs.Count == 0)
        {
            string? line = Fences(section.Body).Select(f => f.Text).FirstOrDefault();
            if (line == null)
            {
                throw new MarkdownHelpException(file, section.Line, "SYNTAX has no fenced syntax line");
            }
            help.Syntax.Add(new SyntaxSet { Name = "(All)", Line = line.Trim() });
            return;
        }
        foreach (var sub in subs)
        {
            string name = sub.Heading;
            if (name.EndsWith("(Default)", StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - "(Default)".Length).Trim();
            }
            string? line = Fences(sub.Body).Select(f => f.Text).FirstOrDefault();
            if (line == null)
            {
                throw new MarkdownHelpException(file, sub.Line, $"syntax set '{sub.Heading}' has no fenced syntax line");
            }
            help.Syntax.Add(new SyntaxSet { Name = name == "__AllParameterSets" ? "(All)" : name, Line = line.Trim() });
        }
    }

    private static void ReadExamples(string file, CommandHelp help, List<Block> subs)
    {
        foreach (var sub in subs)
        {
            var fence = Fences(sub.Body).FirstOrDefault();
            if (fence == null)
            {
                throw new MarkdownHelpException(file, sub.Line, $"example '{sub.Heading}' has no code block");
            }
            var after = sub.Body.Skip(fence.EndIndex + 1).ToList();
            help.Examples.Add(new ExampleHelp { Title = sub.Heading, Code = fence.Text, Remarks = Paragraphs(after) });
        }
    }

    private static void ReadParameters(string file, CommandHelp help, List<Block> subs)
    {
        foreach (var sub in subs)
        {
            if (sub.Heading == "CommonParameters" || sub.Heading == "WorkflowParameters")
            {
                continue;
            }
            if (!sub.Heading.StartsWith("-", StringComparison.Ordinal) || sub.Heading.Length < 2)
            {
                throw new MarkdownHelpException(file, sub.Line, $"parameter heading '### {sub.Heading}' must be '### -Name'");
            }
            var parameter = new ParameterHelp { Name = sub.Heading.Substring(1).Trim() };
            var fences = Fences(sub.Body).ToList();
            var yaml = fences.Where(f => f.Info == "yaml").ToList();
            if (yaml.Count == 0)
            {
                throw new MarkdownHelpException(file, sub.Line, $"parameter -{parameter.Name} has no ```yaml block (Type, Parameter Sets, Required, Position, ...)");
            }
            parameter.Description = Paragraphs(sub.Body.Take(yaml[0].StartIndex).ToList());
            foreach (var block in yaml)
            {
                parameter.Blocks.Add(ReadParameterBlock(file, sub.BodyLine + block.StartIndex, parameter.Name, block.Text));
            }
            help.Parameters.Add(parameter);
        }
    }

    private static ParameterBlock ReadParameterBlock(string file, int line, string parameter, string yaml)
    {
        var block = new ParameterBlock();
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string[] rows = yaml.Split('\n');
        for (int i = 0; i < rows.Length; i++)
        {
            string row = rows[i].Trim();
            if (row.Length == 0)
            {
                continue;
            }
            int colon = row.IndexOf(':');
            if (colon <= 0)
            {
                throw new MarkdownHelpException(file, line + i + 1, $"-{parameter}: '{row}' is not 'Key: value'");
            }
            string key = row.Substring(0, colon).Trim();
            string value = row.Substring(colon + 1).Trim();
            keys.Add(key);
            switch (key.ToLowerInvariant())
            {
                case "type":
                    block.Type = value;
                    break;
                case "parameter sets":
                    block.Sets = SplitList(value);
                    break;
                case "aliases":
                    block.Aliases = string.Join(", ", SplitList(value));
                    break;
                case "accepted values":
                    block.AcceptedValues = SplitList(value);
                    break;
                case "required":
                    block.Required = ParseBool(file, line + i + 1, parameter, key, value);
                    break;
                case "position":
                    block.Position = value.Equals("named", StringComparison.OrdinalIgnoreCase) ? "named" : value;
                    if (block.Position != "named" && !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    {
                        throw new MarkdownHelpException(file, line + i + 1, $"-{parameter}: Position must be Named or a number, not '{value}'");
                    }
                    break;
                case "default value":
                    block.DefaultValue = value.Length == 0 ? "None" : value;
                    break;
                case "accept pipeline input":
                    block.PipelineInput = value.Length == 0 ? "False" : value;
                    break;
                case "accept wildcard characters":
                    block.Wildcards = ParseBool(file, line + i + 1, parameter, key, value);
                    break;
                default:
                    throw new MarkdownHelpException(file, line + i + 1, $"-{parameter}: unknown key '{key}'");
            }
        }
        foreach (string required in new[] { "Type", "Parameter Sets", "Required", "Position" })
        {
            if (!keys.Contains(required))
            {
                throw new MarkdownHelpException(file, line, $"-{parameter}: the yaml block has no '{required}:'");
            }
        }
        return block;
    }

    private static bool ParseBool(string file, int line, string parameter, string key, string value)
    {
        if (value.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (value.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        throw new MarkdownHelpException(file, line, $"-{parameter}: {key} must be True or False, not '{value}'");
    }

    private static List<string> SplitList(string value) =>
        value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0 && !v.Equals("None", StringComparison.OrdinalIgnoreCase)).ToList();

    private static void ReadLinks(string file, CommandHelp help, Block section)
    {
        for (int i = 0; i < section.Body.Count; i++)
        {
            string line = section.Body[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            int close = line.IndexOf("](", StringComparison.Ordinal);
            if (!line.StartsWith("[", StringComparison.Ordinal) || close < 0 || !line.EndsWith(")", StringComparison.Ordinal))
            {
                throw new MarkdownHelpException(file, section.BodyLine + i, $"related link '{line}' is not [text](uri)");
            }
            string text = line.Substring(1, close - 1);
            string uri = line.Substring(close + 2, line.Length - close - 3);
            // Links to sibling pages (Get-X.md) and about topics are names for Get-Help, not URIs.
            bool web = uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            help.Links.Add(new KeyValuePair<string, string>(text, web ? uri : ""));
        }
    }

    /// <summary>Paragraphs of markdown text: blank lines separate, wrapped lines join, list items and fenced
    /// blocks stay on their own lines; **bold** and _emphasis_ markers are dropped, `code` stays as typed.</summary>
    public static List<string> Paragraphs(IList<string> body)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0)
            {
                result.Add(current.ToString());
                current.Clear();
            }
        }
        for (int i = 0; i < body.Count; i++)
        {
            string raw = body[i];
            string line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                Flush();
                var code = new List<string>();
                for (i++; i < body.Count && !body[i].Trim().StartsWith("```", StringComparison.Ordinal); i++)
                {
                    code.Add("    " + body[i]);
                }
                result.Add(string.Join("\n", code));
                continue;
            }
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            bool listItem = line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal)
                || (line.Length > 2 && char.IsDigit(line[0]) && line.IndexOf(". ", StringComparison.Ordinal) is int dot && dot > 0 && dot < 4 && line.Substring(0, dot).All(char.IsDigit));
            if (listItem)
            {
                Flush();
            }
            if (current.Length > 0)
            {
                current.Append(' ');
            }
            current.Append(line.Replace("**", ""));
        }
        Flush();
        return result;
    }

    private sealed class Block
    {
        public int Level;
        public string Heading = "";
        public int Line;
        /// <summary>1-based line number of Body[0].</summary>
        public int BodyLine;
        public Block? Parent;
        public List<string> Body = new List<string>();
    }

    private sealed class Fence
    {
        public string Info = "";
        public string Text = "";
        public int StartIndex;
        public int EndIndex;
    }

    /// <summary>Headings (#, ##, ###) outside fenced code, each with the lines up to the next heading.</summary>
    private static List<Block> Blocks(string file, string[] lines, int start)
    {
        var blocks = new List<Block>();
        Block? current = null;
        Block? section = null;
        bool inFence = false;
        int fenceLine = 0;
        for (int i = start; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                fenceLine = i + 1;
            }
            int level = inFence || !line.StartsWith("#", StringComparison.Ordinal) ? 0 : line.TakeWhile(c => c == '#').Count();
            if (level >= 1 && level <= 3 && line.Length > level && line[level] == ' ')
            {
                current = new Block { Level = level, Heading = line.Substring(level).Trim(), Line = i + 1, BodyLine = i + 2 };
                if (level == 2)
                {
                    section = current;
                }
                else if (level == 3)
                {
                    current.Parent = section;
                }
                blocks.Add(current);
                continue;
            }
            current?.Body.Add(line);
        }
        if (inFence)
        {
            throw new MarkdownHelpException(file, fenceLine, "code fence opened here is never closed");
        }
        return blocks;
    }

    private static IEnumerable<Fence> Fences(IList<string> body)
    {
        for (int i = 0; i < body.Count; i++)
        {
            string line = body[i].Trim();
            if (!line.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }
            var fence = new Fence { Info = line.Substring(3).Trim(), StartIndex = i };
            var text = new List<string>();
            for (i++; i < body.Count && !body[i].Trim().StartsWith("```", StringComparison.Ordinal); i++)
            {
                text.Add(body[i]);
            }
            fence.EndIndex = i;
            fence.Text = string.Join("\n", text).Trim('\n');
            yield return fence;
        }
    }
}

/// <summary>Writes MAML (the XML help PowerShell reads for binary cmdlets) in the shape platyPS produces.</summary>
public static class MamlWriter
{
    private const string Maml = "http://schemas.microsoft.com/maml/2004/10";
    private const string Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private const string Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static string Write(IEnumerable<CommandHelp> pages)
    {
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        var text = new StringWriterUtf8();
        using (var w = XmlWriter.Create(text, settings))
        {
            w.WriteStartDocument();
            w.WriteComment(" Generated from docs/commands/*.md by build/MarkdownHelp.cs during the build. Edit the markdown, not this file. ");
            w.WriteStartElement("helpItems", "http://msh");
            w.WriteAttributeString("schema", "maml");
            foreach (var page in pages)
            {
                WriteCommand(w, page);
            }
            w.WriteEndElement();
            w.WriteEndDocument();
        }
        return text.ToString() + "\n";
    }

    private sealed class StringWriterUtf8 : StringWriter
    {
        public StringWriterUtf8()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override Encoding Encoding => new UTF8Encoding(false);
    }

    private static void WriteCommand(XmlWriter w, CommandHelp page)
    {
        w.WriteStartElement("command", "command", Command);
        w.WriteAttributeString("xmlns", "maml", null, Maml);
        w.WriteAttributeString("xmlns", "dev", null, Dev);
        w.WriteStartElement("details", Command);
        w.WriteElementString("name", Command, page.Name);
        int dash = page.Name.IndexOf('-');
        w.WriteElementString("verb", Command, dash > 0 ? page.Name.Substring(0, dash) : page.Name);
        w.WriteElementString("noun", Command, dash > 0 ? page.Name.Substring(dash + 1) : "");
        Paras(w, "description", Maml, page.Synopsis);
        w.WriteEndElement();
        Paras(w, "description", Maml, page.Description);

        w.WriteStartElement("syntax", Command);
        foreach (var set in page.Syntax)
        {
            w.WriteStartElement("syntaxItem", Command);
            w.WriteElementString("name", Maml, page.Name);
            foreach (var (parameter, block) in InSyntaxOrder(page, set))
            {
                WriteParameter(w, parameter, block, inSyntax: true);
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("parameters", Command);
        foreach (var parameter in page.Parameters)
        {
            WriteParameter(w, parameter, parameter.Blocks[0], inSyntax: false);
        }
        w.WriteEndElement();

        w.WriteStartElement("inputTypes", Command);
        foreach (var type in page.Inputs)
        {
            WriteType(w, "inputType", type);
        }
        w.WriteEndElement();
        w.WriteStartElement("returnValues", Command);
        foreach (var type in page.Outputs)
        {
            WriteType(w, "returnValue", type);
        }
        w.WriteEndElement();

        w.WriteStartElement("alertSet", Maml);
        w.WriteStartElement("alert", Maml);
        foreach (string para in page.Notes)
        {
            w.WriteElementString("para", Maml, para);
        }
        w.WriteEndElement();
        w.WriteEndElement();

        w.WriteStartElement("examples", Command);
        for (int i = 0; i < page.Examples.Count; i++)
        {
            var example = page.Examples[i];
            w.WriteStartElement("example", Command);
            w.WriteElementString("title", Maml, $"-------------------------- {example.Title} --------------------------");
            w.WriteElementString("code", Dev, example.Code);
            Paras(w, "remarks", Dev, example.Remarks);
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("relatedLinks", Command);
        foreach (var link in page.Links)
        {
            w.WriteStartElement("navigationLink", Maml);
            w.WriteElementString("linkText", Maml, link.Key);
            w.WriteElementString("uri", Maml, link.Value);
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>The parameters of one syntax set, in the order its syntax line names them.</summary>
    private static IEnumerable<(ParameterHelp, ParameterBlock)> InSyntaxOrder(CommandHelp page, SyntaxSet set)
    {
        var members = new List<(ParameterHelp Parameter, ParameterBlock Block, int Order)>();
        foreach (var parameter in page.Parameters)
        {
            var block = parameter.Blocks.FirstOrDefault(b => b.AppliesTo(set.Name));
            if (block == null)
            {
                continue;
            }
            int at = IndexOfParameter(set.Line, parameter.Name);
            members.Add((parameter, block, at < 0 ? int.MaxValue : at));
        }
        return members.OrderBy(m => m.Order).Select(m => (m.Parameter, m.Block));
    }

    private static int IndexOfParameter(string line, string name)
    {
        for (int at = line.IndexOf("-" + name, StringComparison.OrdinalIgnoreCase); at >= 0; at = line.IndexOf("-" + name, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            int end = at + 1 + name.Length;
            if (end == line.Length || !char.IsLetterOrDigit(line[end]))
            {
                return at;
            }
        }
        return -1;
    }

    private static void WriteParameter(XmlWriter w, ParameterHelp parameter, ParameterBlock block, bool inSyntax)
    {
        bool isSwitch = block.Type == "SwitchParameter" || block.Type == "System.Management.Automation.SwitchParameter";
        w.WriteStartElement("parameter", Command);
        w.WriteAttributeString("required", block.Required ? "true" : "false");
        w.WriteAttributeString("variableLength", "true");
        w.WriteAttributeString("globbing", block.Wildcards ? "true" : "false");
        w.WriteAttributeString("pipelineInput", block.PipelineInput);
        w.WriteAttributeString("position", block.Position);
        w.WriteAttributeString("aliases", block.Aliases.Length == 0 ? "none" : block.Aliases);
        w.WriteElementString("name", Maml, parameter.Name);
        Paras(w, "description", Maml, parameter.Description);
        if (block.AcceptedValues.Count > 0)
        {
            w.WriteStartElement("parameterValueGroup", Command);
            foreach (string value in block.AcceptedValues)
            {
                w.WriteStartElement("parameterValue", Command);
                w.WriteAttributeString("required", "false");
                w.WriteAttributeString("command", "variableLength", Command, "false");
                w.WriteString(value);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        if (!(isSwitch && inSyntax))
        {
            w.WriteStartElement("parameterValue", Command);
            w.WriteAttributeString("required", isSwitch ? "false" : "true");
            w.WriteAttributeString("variableLength", "false");
            w.WriteString(block.Type);
            w.WriteEndElement();
        }
        w.WriteStartElement("type", Dev);
        w.WriteElementString("name", Maml, block.Type);
        w.WriteElementString("uri", Maml, "");
        w.WriteEndElement();
        w.WriteElementString("defaultValue", Dev, block.DefaultValue);
        w.WriteEndElement();
    }

    private static void WriteType(XmlWriter w, string element, TypeHelp type)
    {
        w.WriteStartElement(element, Command);
        w.WriteStartElement("type", Dev);
        w.WriteElementString("name", Maml, type.Name);
        w.WriteEndElement();
        Paras(w, "description", Maml, type.Description);
        w.WriteEndElement();
    }

    private static void Paras(XmlWriter w, string element, string ns, List<string> paras)
    {
        w.WriteStartElement(element, ns);
        foreach (string para in paras)
        {
            w.WriteElementString("para", Maml, para);
        }
        w.WriteEndElement();
    }
}
