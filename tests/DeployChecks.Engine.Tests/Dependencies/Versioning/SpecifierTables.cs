namespace DeployChecks.Engine.Tests.Dependencies.Versioning;

/// <summary>Cases ported from packaging 26.x tests/test_specifiers.py, written as compact strings.</summary>
internal static class SpecifierTables
{
    /// <summary>test_specifiers: "version spec" → expected, evaluated with prereleases=True.</summary>
    public static readonly string[] Matching =
    {
        "2.0 ==2", "2.0 ==2.0", "2.0 ==2.0.0", "2.0+deadbeef ==2", "2.0+deadbeef ==2.0", "2.0+deadbeef ==2.0.0",
        "2.0+deadbeef ==2+deadbeef", "2.0+deadbeef ==2.0+deadbeef", "2.0+deadbeef ==2.0.0+deadbeef",
        "2.0+deadbeef.0 ==2.0.0+deadbeef.00",
        "2.dev1 ==2.*", "2a1 ==2.*", "2a1.post1 ==2.*", "2b1 ==2.*", "2b1.dev1 ==2.*", "2c1 ==2.*",
        "2c1.post1.dev1 ==2.*", "2c1.post1.dev1 ==2.0.*", "2rc1 ==2.*", "2rc1 ==2.0.*", "2 ==2.*", "2 ==2.0.*",
        "2 ==2.0.0.*", "2 ==0!2.*", "0!2 ==2.*", "2.0 ==2.*", "2.0.0 ==2.*", "2.0.0.0 ==2.0.*", "2.1+local.version ==2.1.*",
        "2.1 !=2", "2.1 !=2.0", "2.0.1 !=2", "2.0.1 !=2.0", "2.0.1 !=2.0.0", "2.0 !=2.0+deadbeef",
        "2.0 !=3.*", "2.1 !=2.0.*", "3 !=2.0.0.*", "2.1.0.0 !=2.0.*",
        "2.0 >=2", "2.0 >=2.0", "2.0 >=2.0.0", "2.0.post1 >=2", "2.0.post1.dev1 >=2", "3 >=2", "3.0.0a8 >=3.0.0a7",
        "2.0 <=2", "2.0 <=2.0", "2.0 <=2.0.0", "2.0.dev1 <=2", "2.0a1 <=2", "2.0a1.dev1 <=2", "2.0b1 <=2",
        "2.0b1.post1 <=2", "2.0c1 <=2", "2.0c1.post1.dev1 <=2", "2.0rc1 <=2", "1 <=2", "3.0.0a7 <=3.0.0a8",
        "3 >2", "2.1 >2.0", "2.0.1 >2", "2.1.post1 >2", "2.1+local.version >2", "3.0.0a8 >3.0.0a7",
        "1 <2", "2.0 <2.1", "2.0.dev0 <2.1", "3.0.0a7 <3.0.0a8",
        "1 ~=1.0", "1.0.1 ~=1.0", "1.1 ~=1.0", "1.9999999 ~=1.0", "1.1 ~=1.0a1", "2022.01.01 ~=2022.01.01",
        "2!1.0 ~=2!1.0", "2!1.0 ==2!1.*", "2!1.0 ==2!1.0", "2!1.0 !=1.0", "2!1.0.0 ==2!1.0.0.0.*", "2!1.0.0 ==2!1.0.*",
        "2!1.0.0 ==2!1.*", "1.0 !=2!1.0", "1.0 <=2!0.1", "2!1.0 >=2.0", "1.0 <2!0.1", "2!1.0 >2.0",
        "2.0.5 >2.0dev",
        "1.0+local >1.0.dev1", "4.1.0a2.dev1235+local >4.1.0a2.dev1234", "1.0a2+local >1.0a1", "1.0b2+local >1.0b1",
        "1.0rc2+local >1.0rc1", "1.0.post2+local >1.0.post1", "1.0.dev2+local >1.0.dev1", "1.0a1.dev2+local >1.0a1.dev1",
        "1.0.post1.dev2+local >1.0.post1.dev1",
        "1.4.2 ~=1.4.2", "1.4.3.dev1 ~=1.4.2", "1.4.3a1 ~=1.4.2", "1.4.3 ~=1.4.2", "1.4.3.post1 ~=1.4.2", "1.4.3+local ~=1.4.2",
    };

    public static readonly string[] NotMatching =
    {
        "2.1 ==2", "2.1 ==2.0", "2.1 ==2.0.0", "2.0 ==2.0+deadbeef",
        "2.0 ==3.*", "2.1 ==2.0.*", "3 ==2.0.0.*", "2.1.0.0 ==2.0.*",
        "2.0 !=2", "2.0 !=2.0", "2.0 !=2.0.0", "2.0+deadbeef !=2", "2.0+deadbeef !=2.0", "2.0+deadbeef !=2.0.0",
        "2.0+deadbeef !=2+deadbeef", "2.0+deadbeef !=2.0+deadbeef", "2.0+deadbeef !=2.0.0+deadbeef",
        "2.0+deadbeef.0 !=2.0.0+deadbeef.00",
        "2.dev1 !=2.*", "2a1 !=2.*", "2a1.post1 !=2.*", "2b1 !=2.*", "2b1.dev1 !=2.*", "2c1 !=2.*", "2c1.post1.dev1 !=2.*",
        "2c1.post1.dev1 !=2.0.*", "2rc1 !=2.*", "2rc1 !=2.0.*", "2 !=2.*", "2 !=2.0.*", "2 !=2.0.0.*", "2.0 !=2.*",
        "2.0.0 !=2.*", "2.0.0.0 !=2.0.*",
        "2.0.dev1 >=2", "2.0a1 >=2", "2.0a1.dev1 >=2", "2.0b1 >=2", "2.0b1.post1 >=2", "2.0c1 >=2",
        "2.0c1.post1.dev1 >=2", "2.0rc1 >=2", "1 >=2",
        "2.0.post1 <=2", "2.0.post1.dev1 <=2", "3 <=2",
        "1 >2", "2.0.dev1 >2", "2.0a1 >2", "2.0a1.post1 >2", "2.0b1 >2", "2.0b1.dev1 >2", "2.0c1 >2",
        "2.0c1.post1.dev1 >2", "2.0rc1 >2", "2.0 >2", "2.0.post1 >2", "2.0.post1.dev1 >2", "2.0+local.version >2",
        "4.1.0a2.dev1234+local >4.1.0a2.dev1234",
        "1.0a1+local >1.0a1", "1.0b1+local >1.0b1", "1.0rc1+local >1.0rc1", "1.0.post1+local >1.0.post1",
        "1.0.dev1+local >1.0.dev1", "1.0a1.dev1+local >1.0a1.dev1", "1.0.post1.dev1+local >1.0.post1.dev1",
        "2.0.dev1 <2", "2.0a1 <2", "2.0a1.post1 <2", "2.0b1 <2", "2.0b2.dev1 <2", "2.0c1 <2", "2.0c1.post1.dev1 <2",
        "2.0rc1 <2", "2.0 <2", "2.post1 <2", "2.post1.dev1 <2", "3 <2",
        "2.0 ~=1.0", "1.1.0 ~=1.0.0", "1.1.post1 ~=1.0.0",
        "1.0 ~=2!1.0", "2!1.0 ~=1.0", "2!1.0 ==1.0", "1.0 ==2!1.0", "2!1.0 ==1.0.0.*", "1.0 ==2!1.0.0.*",
        "2!1.0 ==1.*", "1.0 ==2!1.*", "2!1.0 !=2!1.0",
        "1.4.1 ~=1.4.2", "1.4.1.post1 ~=1.4.2", "1.5.0.dev0 ~=1.4.2", "1.5.0a1 ~=1.4.2", "1.5.0 ~=1.4.2", "2.0 ~=1.4.2",
        "2.0+local ~=1.4.2",
    };

    /// <summary>test_specifiers_prereleases: "spec version specPre containsPre expected" (N = None).</summary>
    public static readonly string[] Prereleases =
    {
        ">=1.0 2.0.dev1 N N T", ">=2.0.dev1 2.0a1 N N T", "==2.0.* 2.0a1.dev1 N N T", "<=2.0 1.0.dev1 N N T",
        "<=2.0.dev1 1.0a1 N N T", "<2.0 2.0a1 N N F", "<2.0a2 2.0a1 N N T",
        ">1.0.dev1 1.0.dev0 N N F", ">1.0.dev1 1.0.dev2 N N T", ">1.0.dev1 1.0.post0 N N T", ">1.0.dev1 1.0.post1 N N T",
        ">1.0.dev0 1.0.post0 N N T", ">1.0a1 1.0.post0 N N T", ">1.0b1 1.0.post0 N N T", ">1.0rc1 1.0.post0 N N T",
        ">1.0a1 1.0a1.post0 N N F", ">1.0b2 1.0b2.post0 N N F", ">1.0rc1 1.0rc1.post0 N N F",
        ">1.0a1 1.0a2.post0 N N T", ">1.0b1 1.0b2.post0 N N T", ">1.0.dev1 1.0 N N T", ">1.0.dev1 1.0a1 N N T",
        ">1.0.dev1 1.1 N N T", ">1.0 1.0.post0 N N F", ">1.0 1.0.post1 N N F", ">1.0 2.0.post0 N N T",
        ">1.0 0.9.post0 N N F", ">1.0.dev1 1.1.post0 N N T", ">1.0.dev1 0.9.post0 N N F",
        "<1.0.post1 1.0.post1.dev0 N N F", "<1.0.post0 1.0.post0.dev0 N N F", "<1.0.post1 1.0.dev0 N N T",
        "<1.0.post1 1.0a1 N N T", "<1.0.post1 1.0rc1 N N T", "<1.0.post0 1.0.dev0 N N T", "<1.0.post0 1.0a1 N N T",
        "<1.0.post0 1.0b1 N N T", "<1.0.post0 1.0rc2 N N T", "<1.0.post1 1.0.post0.dev0 N N T",
        "<1.0.post2 1.0.post1.dev0 N N T", "<1.0.post1 1.0 N N T", "<1.0.post1 1.0.post0 N N T", "<1.0.post1 0.9 N N T",
        "<1.0.post0 1.0 N N T", "<1.0.post10 1.0.dev0 N N T", "<1.0.post10 1.0.post9.dev0 N N T",
        "<1.0.post10 1.0.post9 N N T", "<1.0.post1 1.0+local N N T", "<1.0.post1 1.0.post0+local N N T",
        "<1.0.post1 0.9.dev0 N N T", "<=2.0 1.0.dev1 F N F", "<=2.0a1 1.0.dev1 F N F", "<=2.0 1.0.dev1 N F F",
        "<=2.0a1 1.0.dev1 N F F", "<=2.0 1.0.dev1 T F F", "<=2.0a1 1.0.dev1 T F F", "<=2.0 1.0.dev1 F T T",
        "<=2.0a1 1.0.dev1 F T T",
    };

    /// <summary>SpecifierSet test_specifier_contains_installed_prereleases: "spec|version|specPre|containsPre|installed|expected".</summary>
    public static readonly string[] SetInstalled =
    {
        "~=1.0|1.1.0.dev1|N|N|T|T", "~=1.0|1.1.0.dev1|F|F|T|T", "~=1.0|1.1.0.dev1|T|F|T|T", "~=1.0|1.1.0.dev1|N|F|T|T",
        "~=1.0|1.1.0.dev1|N|T|F|T", "~=1.0|1.1.0.dev1|F|T|F|T", "~=1.0|1.1.0.dev1|F|F|F|F", "~=1.0|1.1.0.dev1|N|F|F|F",
        "~=1.0|1.1.0a1|N|N|T|T", "~=1.0|1.1.0b1|N|N|T|T", "~=1.0|1.1.0rc1|N|N|T|T", "~=1.0|1.1.0.post1.dev1|N|N|T|T",
        ">=1.0|2.0.dev1|N|N|T|T", "==1.*|1.5.0a1|N|N|T|T", ">=1.0,<3.0|2.0.dev1|N|N|T|T", "!=2.0|2.0.dev1|N|N|T|T",
        "~=1.0|3.0.0.dev1|N|N|T|F", "~=1.0|3.0.0.dev1|T|N|T|F", "~=1.0|3.0.0.dev1|N|T|T|F", "~=1.0|3.0.0.dev1|T|T|T|F",
        "~=1.0|3.0.0.dev1|F|F|T|F", "~=1.0|3.0.0.dev1|N|N|F|F", ">=2.0|1.9.0.dev1|T|N|T|F", ">=2.0|1.9.0.dev1|N|T|T|F",
        ">=2.0|1.9.0.dev1|T|T|T|F", ">=2.0|1.9.0.dev1|N|N|F|F", ">=1.0|1.0.0.dev1|N|N|T|F", "<=1.0|1.0.0.dev1|N|N|T|T",
        "<1.0|1.0.0.dev1|N|N|T|F", "<1.0|0.9.0.dev1|N|N|T|T", ">=1.0.dev1|1.0.0.dev1|N|N|T|T",
        ">=1.0.dev1|1.0.0.dev1|F|F|F|F", "==1.0.0.dev1|1.0.0.dev1|F|F|F|F", "~=1.0|1.1.0|N|N|T|T", "~=1.0|1.1.0|F|F|F|T",
        "~=1.0|1.1.0|T|F|F|T", "~=1.0|1.1.0.dev1|T|N|F|T", "~=1.0|1.1.0.dev1|F|N|F|F", "~=1.0|1.1.0.dev1|T|F|F|F",
        ">=1.0.dev1|1.0.0.dev1|N|F|F|F", ">=1.0.dev1|1.0.0.dev1|F|N|F|F",
    };

    /// <summary>SpecifierSet test_specifier_filter: "spec|specPre|pre|input,..|expected,.." (empty list = "").</summary>
    public static readonly string[] SetFilter =
    {
        "|N|N|1.0,2.0a1|1.0", ">=1.0.dev1|N|N|1.0,2.0a1|1.0,2.0a1", "|N|N|1.0a1|1.0a1", ">=1.2.3|N|N|1.2,1.5a1|1.5a1",
        ">=1.2.3|N|N|1.3,1.5a1|1.3", ">=1.0|N|N|2.0a1|2.0a1", "!=2.0a1|N|N|1.0a2,1.0,2.0a1|1.0", "==2.0a1|N|N|2.0a1|2.0a1",
        ">2.0a1|N|N|2.0a1,3.0a2,3.0|3.0a2,3.0", "<2.0a1|N|N|1.0a2,1.0,2.0a1|1.0a2,1.0",
        "~=2.0a1|N|N|1.0,2.0a1,3.0a2,3.0|2.0a1", "|N|F|1.0a1|", ">=1.0.dev1|N|F|1.0,2.0a1|1.0", "|N|T|1.0,2.0a1|1.0,2.0a1",
        "|T|N|1.0,2.0a1|1.0,2.0a1", "|F|N|1.0,2.0a1|1.0", ">=1.0.dev1|T|N|1.0,2.0a1|1.0,2.0a1",
        ">=1.0.dev1|F|N|1.0,2.0a1|1.0", "|T|N|1.0a1|1.0a1", "|F|N|1.0a1|", ">=1.0|T|F|1.0,2.0a1|1.0",
        ">=1.0|F|T|1.0,2.0a1|1.0,2.0a1", ">=1.0|T|T|1.0,2.0a1|1.0,2.0a1", ">=1.0|F|F|1.0,2.0a1|1.0",
        ">=1.0,<=2.0|N|N|1.0,1.5a1|1.0", ">=1.0,<=2.0dev|N|N|1.0,1.5a1|1.0,1.5a1", ">=1.0,<=2.0|T|N|1.0,1.5a1|1.0,1.5a1",
        ">=1.0,<=2.0|F|N|1.0,1.5a1|1.0", ">=1.0,<=2.0dev|F|N|1.0,1.5a1|1.0", ">=1.0,<=2.0dev|T|N|1.0,1.5a1|1.0,1.5a1",
        ">=1.0,<=2.0|N|F|1.0,1.5a1|1.0", ">=1.0,<=2.0|N|T|1.0,1.5a1|1.0,1.5a1", ">=1.0,<=2.0dev|N|F|1.0,1.5a1|1.0",
        ">=1.0,<=2.0dev|N|T|1.0,1.5a1|1.0,1.5a1", ">=1.0,<=2.0|T|F|1.0,1.5a1|1.0", ">=1.0,<=2.0|F|T|1.0,1.5a1|1.0,1.5a1",
        ">=1.0,<=2.0dev|T|F|1.0,1.5a1|1.0", ">=1.0,<=2.0dev|F|T|1.0,1.5a1|1.0,1.5a1",
        "|N|N|invalid version|invalid version", "|N|F|invalid version|invalid version", "|F|N|invalid version|invalid version",
        "|N|N|1.0,invalid version|1.0,invalid version", "|N|F|1.0,invalid version|1.0,invalid version",
        "===foobar|N|N|foobar,foo,bar|foobar", "===foobar|N|N|foo,bar|", "===1.0|N|N|1.0,1.0.0,2.0|1.0",
        "===1.0|N|N|1.0,1.0+downstream1|1.0", ">=1.0,===foobar|N|N|foobar,1.0,2.0|", "!=2.0,===foobar|N|N|foobar,2.0,bar|",
        ">=1.0,===1.5|N|N|1.0,1.5,2.0|1.5", ">=2.0,===1.5|N|N|1.0,1.5,2.0|", "===foobar|N|N|foobar,1.0,invalid,2.0a1|foobar",
        "===1.0|N|N|1.0,foobar,invalid,1.0.0|1.0", ">=1.0,===1.5|N|N|1.5,foobar,invalid|1.5", "!=1.0|N|N|invalid,foobar|",
        "!=1.0|N|N|1.0,invalid,2.0|2.0", "!=2.0.*|N|N|invalid,foobar,2.0|", "!=2.0.*|N|N|1.0,invalid,2.0.0|1.0",
        "!=1.0,!=2.0|N|N|invalid,1.0,2.0,3.0|3.0", ">=1.0,!=2.0|N|N|invalid,1.0,2.0,3.0|1.0,3.0",
        "===foobar|N|T|foobar,foo|foobar", "===foobar|N|F|foobar,foo|foobar", "===foobar|T|N|foobar,foo|foobar",
        "===foobar|F|F|foobar,foo|foobar", "===foobar,===foobar|N|N|foobar,foo,bar|foobar",
        "==1.*,>=1.0|N|N|0.9,1.0,1.5,2.0|1.0,1.5",
        "|N|N|1.0a1,foobar,1.0,2.0a1,bazqux,2.0|foobar,1.0,bazqux,2.0",
        "|N|N|1.0a1,foobar,2.0a1,bazqux,3.0a1|1.0a1,foobar,2.0a1,bazqux,3.0a1",
    };

    public static bool? Tri(string s) => s switch
    {
        "T" => true,
        "F" => false,
        _ => null,
    };
}
