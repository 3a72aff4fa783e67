const s = String.raw`a\nb`;
