// a next-line directive keeps the params object on the line it covers
import { handler } from "commontools";
export function Panel({ state, settings, user, items, onClose }) {
  return (
    <div>
      {/* @ts-expect-error the prop is not declared */}
      <Card onSelect={handler((e, { state, settings, user }) => state.selection.set(settings.current.value, user.profile.id, e))({ state: { selection: state.selection }, settings: { current: { value: settings.current.value } }, user: { profile: { id: user.profile.id } } })} />
      {/* eslint-disable-next-line react/jsx-no-bind */}
      <Card onSelect={handler((e, { state, settings, user }) => state.selection.set(settings.current.value, user.profile.id, e))({ state: { selection: state.selection }, settings: { current: { value: settings.current.value } }, user: { profile: { id: user.profile.id } } })} />
      <Card
        // @ts-ignore
        onSelect={handler((e, { state, settings, user }) => state.selection.set(settings.current.value, user.profile.id, e))({ state: { selection: state.selection }, settings: { current: { value: settings.current.value } }, user: { profile: { id: user.profile.id } } })}
        // not a directive: this one goes multi-line
        onOpen={handler((e, { state, settings, user }) => state.selection.set(settings.current.value, user.profile.id, e))({
          state: { selection: state.selection },
          settings: { current: { value: settings.current.value } },
          user: { profile: { id: user.profile.id } },
        })}
      />
    </div>
  );
}
