using Microsoft.JSInterop;

namespace RolePlay.Client.Localization;

/// <summary>The UI language: the browser's unless the user picked one, which is remembered on this device.</summary>
public sealed class UiLanguage(IJSRuntime js)
{
    private const string StorageKey = "roleplay.language";

    /// <summary>The UI text in the current language.</summary>
    public UiText Text { get; private set; } = UiText.English;

    /// <summary>Raised after the language changes.</summary>
    public event Action? Changed;

    /// <summary>Reads the saved choice, or else the browser's preferred languages.</summary>
    public async Task InitializeAsync()
    {
        var saved = await js.InvokeAsync<string?>("roleplay.load", StorageKey).ConfigureAwait(false);
        var tag = saved ?? await js.InvokeAsync<string?>("roleplay.browserLanguage").ConfigureAwait(false);
        Set(UiText.For(tag));
    }

    /// <summary>Switches to the other language and remembers the choice.</summary>
    public async Task ToggleAsync()
    {
        Set(Text.IsChinese ? UiText.English : UiText.Chinese);
        await js.InvokeVoidAsync("roleplay.save", StorageKey, Text.Locale).ConfigureAwait(false);
    }

    private void Set(UiText text)
    {
        if (!ReferenceEquals(text, Text))
        {
            Text = text;
            Changed?.Invoke();
        }
    }
}
