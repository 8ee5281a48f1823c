export function Long({ settings, account, notifications, preferences }) {
  return <Save onClick={() => persist(settings.general.theme, account.profile.displayName, notifications.email.enabled, preferences.locale)} />;
}
