import { Button } from "./ui";

export function Toolbar({ doc, selection }) {
	return (
		<div>
			<Button onClick={() => doc.history.undo(selection.anchor.offset, selection.focus.offset)}>Undo</Button>
		</div>
	);
}
