import { Button } from "./ui";
import { handler } from "commontools";

export function Toolbar({ doc, selection }) {
	return (
		<div>
			<Button onClick={handler((event, { doc, selection }) => doc.history.undo(selection.anchor.offset, selection.focus.offset))({
				doc: { history: doc.history },
				selection: { anchor: { offset: selection.anchor.offset }, focus: { offset: selection.focus.offset } },
			})}>Undo</Button>
		</div>
	);
}
