using DeployChecks.Engine.Rules;

namespace DeployChecks.Engine.Tests;

public class SmokeTests
{
    [Fact]
    public void Registry_has_rules()
    {
        Assert.NotEmpty(RuleRegistry.All);
    }
}
