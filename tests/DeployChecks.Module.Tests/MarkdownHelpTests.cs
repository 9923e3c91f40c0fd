using System.Linq;
using System.Xml.Linq;
using DeployChecks.Build;

namespace DeployChecks.Module.Tests;

/// <summary>build/MarkdownHelp.cs, the converter the module build runs on docs/commands/*.md.</summary>
public class MarkdownHelpTests
{
    private const string Page = """
        ---
        external help file: DeployChecks.dll-Help.xml
        Module Name: DeployChecks
        ---

        # Get-Thing

        ## SYNOPSIS
        Gets things.

        ## SYNTAX

        ### ByName (Default)
        ```
        Get-Thing [-Name] <String> [-Force] [<CommonParameters>]
        ```

        ### ById
        ```
        Get-Thing -Id <Int32> [<CommonParameters>]
        ```

        ## DESCRIPTION
        Gets things
        by name.

        - one item
        - another item

        ## EXAMPLES

        ### Example 1: By name
        ```powershell
        Get-Thing a
        ```

        Writes **a**.

        ### Example 2: By id
        ```powershell
        Get-Thing -Id 1
        ```

        ## PARAMETERS

        ### -Force
        Forces it.

        ```yaml
        Type: SwitchParameter
        Parameter Sets: ByName
        Aliases:

        Required: False
        Position: Named
        Default value: False
        Accept pipeline input: False
        Accept wildcard characters: False
        ```

        ### -Id
        The id.

        ```yaml
        Type: Int32
        Parameter Sets: ById
        Aliases: Key

        Required: True
        Position: Named
        Default value: None
        Accept pipeline input: True (ByPropertyName)
        Accept wildcard characters: False
        ```

        ### -Name
        The name.

        ```yaml
        Type: String
        Parameter Sets: ByName
        Aliases:
        Accepted values: a, b

        Required: True
        Position: 0
        Default value: None
        Accept pipeline input: True (ByValue)
        Accept wildcard characters: True
        ```

        ### CommonParameters
        This cmdlet supports the common parameters.

        ## INPUTS

        ### System.String
        A name.

        ## OUTPUTS

        ### Thing
        One thing.

        ## NOTES
        None really.

        ## RELATED LINKS

        [Online Version:](https://example.org/get-thing)

        [about_Things](about_Things.md)
        """;

    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static XElement Convert(string page = Page) =>
        XDocument.Parse(MamlWriter.Write(new[] { MarkdownHelpReader.Read("/docs/Get-Thing.md", page) })).Root!.Elements(Command + "command").Single();

    [Fact]
    public void Reads_synopsis_description_paragraphs_and_list_items()
    {
        var command = Convert();
        Assert.Equal("Gets things.", command.Element(Command + "details")!.Element(Maml + "description")!.Value);
        var paras = command.Element(Maml + "description")!.Elements(Maml + "para").Select(p => p.Value).ToList();
        Assert.Equal(new[] { "Gets things by name.", "- one item", "- another item" }, paras);
    }

    [Fact]
    public void Each_parameter_set_lists_its_parameters_in_syntax_order_with_their_attributes()
    {
        var items = Convert().Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
        Assert.Equal(2, items.Count);
        var byName = items[0].Elements(Command + "parameter").ToList();
        Assert.Equal(new[] { "Name", "Force" }, byName.Select(p => p.Element(Maml + "name")!.Value));
        Assert.Equal("0", byName[0].Attribute("position")!.Value);
        Assert.Equal("true", byName[0].Attribute("required")!.Value);
        Assert.Equal("true", byName[0].Attribute("globbing")!.Value);
        Assert.Equal(new[] { "a", "b" }, byName[0].Element(Command + "parameterValueGroup")!.Elements().Select(e => e.Value));
        Assert.Null(byName[1].Element(Command + "parameterValue")); // a switch takes no value in the syntax
        var byId = Assert.Single(items[1].Elements(Command + "parameter"));
        Assert.Equal("Key", byId.Attribute("aliases")!.Value);
        Assert.Equal("True (ByPropertyName)", byId.Attribute("pipelineInput")!.Value);
    }

    [Fact]
    public void Examples_inputs_outputs_notes_and_links_are_carried()
    {
        var command = Convert();
        var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.Equal(2, examples.Count);
        Assert.Equal("Get-Thing a", examples[0].Element(Dev + "code")!.Value);
        Assert.Equal("Writes a.", examples[0].Element(Dev + "remarks")!.Value);
        Assert.Contains("Example 1: By name", examples[0].Element(Maml + "title")!.Value);
        Assert.Equal("System.String", command.Descendants(Command + "inputType").Single().Element(Dev + "type")!.Value);
        Assert.Equal("Thing", command.Descendants(Command + "returnValue").Single().Element(Dev + "type")!.Value);
        Assert.Equal("None really.", command.Element(Maml + "alertSet")!.Value);
        var links = command.Descendants(Maml + "navigationLink").ToList();
        Assert.Equal("https://example.org/get-thing", links[0].Element(Maml + "uri")!.Value);
        Assert.Equal("about_Things", links[1].Element(Maml + "linkText")!.Value);
        Assert.Equal("", links[1].Element(Maml + "uri")!.Value);
        Assert.Equal(3, command.Element(Command + "parameters")!.Elements().Count()); // CommonParameters is not one
    }

    [Theory]
    [InlineData("## SYNOPSIS\nGets things.\n", "## SYNOPSIS\n", "empty SYNOPSIS")]
    [InlineData("# Get-Thing\n", "# Get-Other\n", "does not match the file name")]
    [InlineData("## NOTES\n", "## REMARKS\n", "unknown section '## REMARKS'")]
    [InlineData("Position: 0\n", "Position: first\n", "Position must be Named or a number")]
    [InlineData("Accept wildcard characters: True\n", "Accept wildcard characters: True\nColour: red\n", "unknown key 'Colour'")]
    [InlineData("```powershell\nGet-Thing -Id 1\n```\n", "", "has no code block")]
    public void A_page_that_breaks_the_layout_is_an_error_naming_the_line(string find, string replace, string message)
    {
        string page = Page.Replace(find, replace, System.StringComparison.Ordinal);
        Assert.NotEqual(Page, page);
        var e = Assert.Throws<MarkdownHelpException>(() => MarkdownHelpReader.Read("/docs/Get-Thing.md", page));
        Assert.Contains(message, e.Message, System.StringComparison.Ordinal);
        Assert.Equal("/docs/Get-Thing.md", e.File);
        Assert.True(e.Line > 0);
    }

    [Fact]
    public void Missing_parameters_section_is_an_error()
    {
        string page = Page.Substring(0, Page.IndexOf("## PARAMETERS", System.StringComparison.Ordinal));
        var e = Assert.Throws<MarkdownHelpException>(() => MarkdownHelpReader.Read("/docs/Get-Thing.md", page));
        Assert.Contains("'## PARAMETERS' section missing", e.Message, System.StringComparison.Ordinal);
    }
}
