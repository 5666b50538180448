"""A form base that renders in the NL Design System look and names the field in each error."""

from django import forms

WIDGET_CLASSES = {
    forms.Textarea: "utrecht-textarea",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button",
}


class DescribedBoundField(forms.BoundField):
    """Links the help text and the error message to the input (aria-describedby), so a screen
    reader reads why a field is invalid."""

    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        ids = []
        if self.field.help_text:
            ids.append(f"{self.auto_id}_helptext")
        if self.errors:
            ids.append(f"{self.auto_id}_error")
            attrs["aria-invalid"] = "true"
        if ids:
            attrs["aria-describedby"] = " ".join(ids)
        return attrs


class StyledFormMixin:
    template_name = "includes/form.html"
    bound_field_class = DescribedBoundField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            css = next((c for t, c in WIDGET_CLASSES.items() if isinstance(widget, t)), None)
            if css is None:
                css = "utrecht-textbox utrecht-textbox--html-input"
            widget.attrs.setdefault("class", css)
            if isinstance(widget, forms.DateInput):
                widget.input_type = "date"
                widget.format = "%Y-%m-%d"

    def add_error_from(self, exc) -> None:
        """Put a service's ValidationError on the right fields (unknown names go to the form)."""
        errors = getattr(exc, "message_dict", None) or {None: exc.messages}
        for field, messages in errors.items():
            target = field if field in self.fields else None
            for message in messages:
                self.add_error(target, message)


class Form(StyledFormMixin, forms.Form):
    pass


class ModelForm(StyledFormMixin, forms.ModelForm):
    pass
