using Microsoft.AspNetCore.Components;

namespace RolePlay.Client.Localization;

/// <summary>A component that shows UI text in the language the layout cascades (English when none is).</summary>
public abstract class LocalizedComponent : ComponentBase
{
    /// <summary>The UI text in the current language.</summary>
    [CascadingParameter]
    public UiText T { get; set; } = UiText.English;
}
