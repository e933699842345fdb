using RolePlay.Core.Localization;

namespace RolePlay.Server.Localization;

/// <summary>The HTTP API's problem details (see also the shared ones above) and the hub's origin check.</summary>
public static partial class ServerText
{
    /// <summary>A wrong key at login.</summary>
    public static LocalizedText WrongKey { get; } = new(
        "That is not the instructor key; it is printed when the server starts.",
        "讲师密钥不正确，请对照服务器启动时日志里打印的密钥后重试。");

    /// <summary>An instructor-only call without the key or the login cookie.</summary>
    public static LocalizedText InstructorOnlyHttp(string header) => new(
        $"Instructor only: send the instructor key in the {header} header, or log in.",
        $"仅限讲师：请先登录，或在 {header} 请求头中带上讲师密钥。");

    /// <summary>An unknown session id, for programs that can list them.</summary>
    public static LocalizedText NoSessionListed(string id) => new(
        $"There is no session '{id}'; GET /api/sessions lists them.",
        $"没有编号为“{id}”的演练，请从演练列表中选择（GET /api/sessions 可列出全部）。");

    /// <summary>An unknown group id, for programs that can list them.</summary>
    public static LocalizedText NoGroupListed(string id) => new(
        $"There is no group '{id}'; GET /api/sessions lists the groups of every session.",
        $"没有编号为“{id}”的小组，请从演练列表中选择（GET /api/sessions 会列出每场演练的小组）。");

    /// <summary>A scenario id the library does not have (the graph).</summary>
    public static LocalizedText NoScenarioHere(string id) => new(
        $"There is no scenario '{id}'.",
        $"情景库里没有“{id}”这个情景。");

    /// <summary>A join code no session has, on the join page.</summary>
    public static LocalizedText UnknownJoinCodeNamed(string code) => new(
        $"No session has the join code '{code}'; check the code on the projector (letters and digits, no spaces needed).",
        $"没有找到加入码“{code}”对应的演练，请核对投影上的加入码（字母和数字，不用输入空格）。");

    /// <summary>The join code of an ended session, on the join page.</summary>
    public static LocalizedText JoinCodeEnded { get; } = new(
        "That session has ended; ask your instructor for the new join code.",
        "这场演练已经结束，请向讲师要新的加入码。");

    /// <summary>An upload whose id is already in the library; starts with the file position like the other upload errors.</summary>
    public static LocalizedText ScenarioIdTaken(string fileName, string id) => new(
        $"{fileName}:1:1: the library already has a scenario with id '{id}'; give the upload its own id.",
        $"{fileName}:1:1: 情景库里已有 id 为“{id}”的情景，请给上传的情景换一个 id。");

    /// <summary>An invalid upload; the <c>errors</c> beside it say what to fix.</summary>
    public static LocalizedText ScenarioNotAdded { get; } = new(
        "The scenario was not added: fix these problems and upload it again.",
        "情景没有添加成功，请修改下列问题后重新上传。");

    /// <summary>A hub connection from a foreign page.</summary>
    public static LocalizedText ForeignOrigin(string origin) => new(
        $"Connections from {origin} are not allowed; open RolePlay from its own address.",
        $"不允许从 {origin} 连接，请直接打开 RolePlay 自己的网址。");

    /// <summary>Too many guesses (logins, key checks or join codes) from one address.</summary>
    public static LocalizedText TooManyRequests(int seconds) => new(
        $"Too many attempts from your network address: wait {seconds} seconds and try again.",
        $"你所在网络地址的尝试次数过多，请等待 {seconds} 秒后再试。");

    /// <summary>An upload larger than any scenario may be.</summary>
    public static LocalizedText ScenarioTooLarge(long limit) => new(
        $"The scenario file is too large: a scenario may be at most {limit:N0} bytes. Split it, or remove what it does not need, and upload it again.",
        $"情景文件太大了：一个情景最多 {limit:N0} 字节。请拆分文件或删去不需要的内容后重新上传。");
}
