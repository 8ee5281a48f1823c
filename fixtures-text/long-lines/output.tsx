import { handler } from "commontools";
export function Long({ settings, account, notifications, preferences }) {
  return <Save onClick={handler((event, { settings, account, notifications, preferences }) => persist(settings.general.theme, account.profile.displayName, notifications.email.enabled, preferences.locale))({
    settings: { general: { theme: settings.general.theme } },
    account: { profile: { displayName: account.profile.displayName } },
    notifications: { email: { enabled: notifications.email.enabled } },
    preferences: { locale: preferences.locale },
  })} />;
}
