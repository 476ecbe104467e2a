/** What the sign-in action answers the form with (src/app/sign-in/actions.ts). */
export interface SignInState {
  error: string | null
  /** Echoed back so a failed attempt keeps what the user typed. */
  email: string
}

/** The sign-in server action, handed to the form by its page: React code does not import server code. */
export type SignInAction = (previous: SignInState, formData: FormData) => Promise<SignInState>
