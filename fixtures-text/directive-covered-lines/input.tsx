// a next-line directive keeps the params object on the line it covers
export function Panel({ state, settings, user, items, onClose }) {
  return (
    <div>
      {/* @ts-expect-error the prop is not declared */}
      <Card onSelect={(e) => state.selection.set(settings.current.value, user.profile.id, e)} />
      {/* eslint-disable-next-line react/jsx-no-bind */}
      <Card onSelect={(e) => state.selection.set(settings.current.value, user.profile.id, e)} />
      <Card
        // @ts-ignore
        onSelect={(e) => state.selection.set(settings.current.value, user.profile.id, e)}
        // not a directive: this one goes multi-line
        onOpen={(e) => state.selection.set(settings.current.value, user.profile.id, e)}
      />
    </div>
  );
}
