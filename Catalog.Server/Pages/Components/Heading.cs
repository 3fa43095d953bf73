using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Catalog.Server.Pages.Components;

/// <summary>A heading of a level the caller chooses, so a shared list keeps the page's headings in order.</summary>
public sealed class Heading : ComponentBase
{
    [Parameter, EditorRequired]
    public int Level { get; set; } = 2;

    [Parameter]
    public string? Id { get; set; }

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "h" + Math.Clamp(Level, 1, 6).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Id is not null)
            builder.AddAttribute(1, "id", Id);
        builder.AddContent(2, ChildContent);
        builder.CloseElement();
    }
}
