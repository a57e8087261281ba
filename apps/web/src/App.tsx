import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, type SessionUser } from './api';
import { useI18n } from './i18n';
import { Link, navigate, useLocation } from './router';
import { AuditSections } from './screens/AuditCase';
import { AuditLogScreen } from './screens/AuditLog';
import { AuditTimeScreen } from './screens/AuditTime';
import { AuditVerificationScreen } from './screens/AuditVerification';
import { CaseScreen } from './screens/CasePage';
import { CasesScreen } from './screens/Cases';
import { DirectoryScreen } from './screens/Directory';
import { DashboardScreen, readsEffects } from './screens/Dashboard';
import { ErrorAlert, Loading, PageHeading } from './screens/common';
import { InboxScreen, useNotificationStream, useUnreadCount } from './screens/Inbox';
import { IntakeScreen } from './screens/Intake';
import { ReferScreen } from './screens/Refer';
import { RegisterScreen } from './screens/Register';
import { WorklistScreen } from './screens/Worklist';

const CASE_PATH = /^\/app\/cases\/([0-9a-fA-F-]{36})$/;
const AUDIT_TIME_PATH = /^\/app\/audit\/cases\/([0-9a-fA-F-]{36})\/time$/;

export function App() {
  const { t } = useI18n();
  const location = useLocation();
  const session = useQuery({ queryKey: ['session'], queryFn: () => api.session(), staleTime: 60_000 });
  useEffect(() => {
    if (location.pathname === '/') navigate(`/app${location.search}`, { replace: true });
  }, [location.pathname, location.search]);

  let main;
  if (session.isPending) main = <Loading />;
  else if (session.isError) main = <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  else if (!session.data.user) main = <SignIn available={session.data.signIn === 'available'} />;
  else main = <Screen user={session.data.user} pathname={location.pathname} />;

  return (
    <>
      <a className="skipnav" href="#main-content">
        {t('app.skipToContent')}
      </a>
      <Header user={session.data?.user ?? null} />
      <div className="container page-container">
        <main id="main-content">{main}</main>
      </div>
    </>
  );
}

function Screen({ user, pathname }: { user: SessionUser; pathname: string }) {
  const { t } = useI18n();
  const coordinator = user.roles.includes('coordinator');
  const latest = useNotificationStream(true);
  const auditor = user.roles.includes('auditor');
  const timeMatch = auditor ? AUDIT_TIME_PATH.exec(pathname) : null;
  if (timeMatch) return <AuditTimeScreen key={timeMatch[1]} caseId={timeMatch[1].toLowerCase()} />;
  if (auditor && pathname === '/app/audit/verification') return <AuditVerificationScreen />;
  if (auditor && pathname === '/app/audit/log') return <AuditLogScreen />;
  const caseMatch = CASE_PATH.exec(pathname);
  if (caseMatch) {
    const caseId = caseMatch[1].toLowerCase();
    return (
      <>
        <CaseScreen key={caseId} caseId={caseId} fromWorklist={coordinator} user={user} />
        {user.roles.includes('auditor') && <AuditSections key={`audit-${caseId}`} caseId={caseId} />}
      </>
    );
  }
  if (pathname === '/app/effects' && readsEffects(user.roles)) return <DashboardScreen />;
  const start = pathname === '/app' || pathname === '/app/' || pathname === '/';
  if (start && user.roles.every((role) => role === 'programme-manager')) return <DashboardScreen />;
  if (pathname === '/app' || pathname === '/app/' || pathname === '/') return coordinator ? <WorklistScreen /> : <CasesScreen coordinatorsOnlyNote />;
  if (pathname === '/app/cases') return <CasesScreen />;
  if (pathname === '/app/inbox') return <InboxScreen latest={latest} />;
  if (pathname === '/app/intake' && coordinator) return <IntakeScreen user={user} />;
  if (pathname === '/app/directory') return <DirectoryScreen />;
  if (pathname === '/app/register') return <RegisterScreen />;
  if (pathname === '/app/refer' && (coordinator || user.roles.includes('liaison'))) return <ReferScreen />;
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <Link href="/app">{t('notFound.link')}</Link>
    </>
  );
}

function Header({ user }: { user: SessionUser | null }) {
  const { t, language, setLanguage } = useI18n();
  const queryClient = useQueryClient();
  const [signingOut, setSigningOut] = useState(false);
  const unread = useUnreadCount(user !== null);
  const signOut = async () => {
    setSigningOut(true);
    try {
      const next = await api.signOut();
      queryClient.clear();
      window.location.assign(next);
    } catch {
      setSigningOut(false);
    }
  };
  return (
    <header className="console-header">
      <div className="container console-header__inner">
        <div className="console-header__brand">
          <Link href="/app" className="console-header__name">
            {t('app.name')}
          </Link>
          <span className="console-header__tagline">{t('app.tagline')}</span>
        </div>
        {user && (
          <nav aria-label={t('nav.main')} className="console-nav">
            <ul>
              {user.roles.includes('coordinator') && (
                <li>
                  <Link href="/app">{t('nav.worklist')}</Link>
                </li>
              )}
              <li>
                <Link href="/app/inbox">
                  {t('nav.inbox')}
                  {unread !== undefined && unread > 0 && (
                    <span className="nav-count" data-testid="unread-count">
                      {' '}
                      <span aria-hidden="true">{unread}</span>
                      <span className="sr-only">{t('nav.unreadCount', { count: unread })}</span>
                    </span>
                  )}
                </Link>
              </li>
              {user.roles.includes('coordinator') && (
                <li>
                  <Link href="/app/intake">{t('nav.intake')}</Link>
                </li>
              )}
              <li>
                <Link href="/app/cases">{t('nav.cases')}</Link>
              </li>
              <li>
                <Link href="/app/register">{t('nav.register')}</Link>
              </li>
              <li>
                <Link href="/app/directory">{t('nav.directory')}</Link>
              </li>
              {(user.roles.includes('coordinator') || user.roles.includes('liaison')) && (
                <li>
                  <Link href="/app/refer">{t('nav.refer')}</Link>
                </li>
              )}
              {user.roles.includes('auditor') && (
                <>
                  <li>
                    <Link href="/app/audit/log">{t('nav.auditLog')}</Link>
                  </li>
                  <li>
                    <Link href="/app/audit/verification">{t('nav.auditVerification')}</Link>
                  </li>
                </>
              )}
              {readsEffects(user.roles) && (
                <li>
                  <Link href="/app/effects">{t('nav.effects')}</Link>
                </li>
              )}
            </ul>
          </nav>
        )}
        <div className="console-header__tools">
          <button
            type="button"
            className="button button-unstyled console-header__language"
            lang={language === 'da' ? 'en' : 'da'}
            title={t('app.languageLabel')}
            onClick={() => setLanguage(language === 'da' ? 'en' : 'da')}
          >
            {t('app.language')}
          </button>
          {user && (
            <>
              <span className="console-header__user" data-testid="signed-in-user">
                <span className="sr-only">{t('user.signedInAs')} </span>
                <strong>{user.displayName ?? user.userId}</strong> · {user.agency} ·{' '}
                {user.roles.map((role) => t(`role.${role}` as 'role.coordinator')).join(', ')}
              </span>
              <button type="button" className="button button-secondary" onClick={() => void signOut()} disabled={signingOut}>
                {t('user.signOut')}
              </button>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

function SignIn({ available }: { available: boolean }) {
  const { t } = useI18n();
  const outcome = new URLSearchParams(window.location.search).get('signin');
  const returnTo = window.location.pathname.startsWith('/app/') ? window.location.pathname : '/app';
  return (
    <>
      <PageHeading>{t('signIn.title')}</PageHeading>
      <p className="font-lead">{t('signIn.intro')}</p>
      {outcome === 'failed' && (
        <p className="alert alert-error" role="alert">
          {t('signIn.failed')}
        </p>
      )}
      {outcome === 'expired' && (
        <p className="alert alert-warning" role="alert">
          {t('signIn.expired')}
        </p>
      )}
      {available ? (
        <a className="button button-primary" href={api.signInUrl(returnTo)}>
          {t('signIn.button')}
        </a>
      ) : (
        <p className="alert alert-warning">{t('signIn.unavailable')}</p>
      )}
    </>
  );
}
