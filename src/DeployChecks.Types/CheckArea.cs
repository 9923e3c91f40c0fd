namespace DeployChecks;

/// <summary>The nine areas of the deployment checklist. The numeric value is the rule-ID range (DC1xxx…DC9xxx).</summary>
public enum CheckArea
{
    Configuration = 1,
    Dependencies = 2,
    Containers = 3,
    WebServer = 4,
    Database = 5,
    Logging = 6,
    Security = 7,
    Testing = 8,
    Backup = 9,
}
